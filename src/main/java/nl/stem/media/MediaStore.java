package nl.stem.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
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
     * The hashes of the files stored before {@code before}, and removes upload leftovers (partial
     * files of an interrupted upload) from before it: what the sweep compares with the rows.
     */
    java.util.List<String> storedBefore(java.time.Instant before) throws IOException;
}
