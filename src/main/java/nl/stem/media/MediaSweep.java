package nl.stem.media;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Removes media files no {@code media_objects} row refers to, whatever left them: an upload the
 * conversation rejected (a voice note sent to a scale question), a download that finished after
 * its respondent was erased, a crash between storing a file and recording it. Files younger than
 * {@link #GRACE} are left alone: their row may be about to be written. Runs nightly; one file's
 * failure never stops the others.
 */
@ApplicationScoped
public class MediaSweep {
    private static final Logger LOG = Logger.getLogger(MediaSweep.class);
    /** Longer than any upload or download takes from storing the file to committing its row. */
    public static final Duration GRACE = Duration.ofHours(1);

    private final MediaStore store;
    private final DataSource ds;
    private final Clock clock;

    public MediaSweep(MediaStore store, DataSource ds, Clock clock) {
        this.store = store;
        this.ds = ds;
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
        int removed = 0;
        for (String sha : hashes) {
            try {
                if (!referenced(sha)) {
                    store.delete(sha);
                    removed++;
                }
            } catch (SQLException | IOException e) {
                LOG.errorf("Media sweep: could not check or remove a file (%s)", e.getClass().getName());
            }
        }
        return removed;
    }

    /** Whether a media row refers to the file. */
    public boolean referenced(String sha256) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select 1 from media_objects where sha256 = ? limit 1")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Removes the file at once when no row refers to it (a rejected upload); errors are logged, the sweep retries. */
    public void removeIfUnreferenced(String sha256) {
        try {
            if (!referenced(sha256)) {
                store.delete(sha256);
            }
        } catch (SQLException | IOException e) {
            LOG.errorf("Could not remove an unreferenced media file (%s); the nightly sweep will", e.getClass().getName());
        }
    }
}
