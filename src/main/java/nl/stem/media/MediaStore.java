package nl.stem.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** Where media files live, content-addressed by SHA-256. Never publicly readable. */
public interface MediaStore {

    /** A stored file: its hash (the key) and size. */
    record Stored(String sha256, long sizeBytes) {
    }

    /**
     * Stores the stream's bytes, refusing more than {@code maxBytes}. Storing the same content twice
     * keeps one file.
     *
     * @throws MediaTooLargeException when the stream is longer than {@code maxBytes}
     */
    Stored put(InputStream content, long maxBytes) throws IOException;

    /** The file for a hash, if stored. */
    Optional<Path> path(String sha256);

    /** Removes the file for a hash (no error when absent). */
    void delete(String sha256) throws IOException;

    /**
     * Removes what writes that never finished (their process stopped) left behind, when last touched
     * before {@code before}. Returns how many.
     */
    int sweepUnfinished(Instant before) throws IOException;

    /** The hashes of the stored files last written before {@code before}: what the media sweep compares with the rows. */
    java.util.List<String> storedBefore(Instant before) throws IOException;
}
