package nl.stem.media;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Removes media files no {@code media_objects} row refers to, whatever left them: an upload the
 * conversation rejected (a voice note sent to a scale question), a download that finished after
 * its respondent was erased, a crash between storing a file and recording it. Files younger than
 * {@link #GRACE} are left alone: their row may be about to be written. Each file is checked and
 * deleted under its content lock ({@link MediaFiles#deleteUnreferenced}), so another instance that
 * stores the same content meanwhile keeps its file. Runs nightly; one file's failure never stops the others.
 */
@ApplicationScoped
public class MediaSweep {
    private static final Logger LOG = Logger.getLogger(MediaSweep.class);
    /** Longer than any upload or download takes from storing the file to committing its row. */
    public static final Duration GRACE = Duration.ofHours(1);

    private final MediaStore store;
    private final MediaFiles files;
    private final Clock clock;

    public MediaSweep(MediaStore store, MediaFiles files, Clock clock) {
        this.store = store;
        this.files = files;
        this.clock = clock;
    }

    @Scheduled(identity = "stem-media-sweep", cron = "${stem.media.sweep-cron:0 45 3 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        int removed = sweep(clock.instant().minus(GRACE));
        if (removed > 0) {
            LOG.infof("Media sweep: %d files no answer refers to were removed", removed);
        }
    }

    /** Removes the files stored before {@code before} that no row refers to; returns how many. */
    public int sweep(Instant before) {
        List<String> hashes;
        try {
            hashes = store.storedBefore(before);
        } catch (IOException e) {
            LOG.errorf("Media sweep: could not list the media directory (%s)", e.getClass().getName());
            return 0;
        }
        return files.deleteUnreferenced(hashes);
    }
}
