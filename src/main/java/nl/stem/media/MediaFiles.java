package nl.stem.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import nl.stem.worker.Jdbc;

/**
 * Keeps the media directory and {@code media_objects} in step when several instances share both.
 * Files are content-addressed, so one file may belong to several rows, and one instance may delete a
 * file (erasure, retention, an orphan) while another stores the same content for a new row. Both sides
 * take the content's PostgreSQL advisory lock for their transaction:
 * <ul>
 * <li>a deleter, in one transaction, locks, finds no row that refers to the hash, and deletes the file;
 * <li>a writer, in the transaction that records its row as stored, locks and checks the file is there
 * ({@link #presentLocked}); when it is not, another instance deleted it after this one renamed it into
 * place, and the writer stores it again or tries later instead of recording a row without its file.
 * </ul>
 * Either the deleter runs first (and the writer sees the file gone), or the writer commits first (and
 * the deleter sees its row). Example: {@code mediaFiles.deleteUnreferenced(List.of(sha256))} after the
 * rows that referred to it were deleted and committed.
 */
@ApplicationScoped
public class MediaFiles {
    private static final Logger LOG = Logger.getLogger(MediaFiles.class);
    /** The first key of {@code pg_advisory_xact_lock(int, int)} for media files ("medi"). */
    static final int LOCK_SPACE = 0x6d656469;

    private final DataSource ds;
    private final MediaStore store;

    public MediaFiles(DataSource ds, MediaStore store) {
        this.ds = ds;
        this.store = store;
    }

    /**
     * Takes the lock of a content hash until the transaction on {@code c} ends. Different hashes may
     * share a lock (32 bits of the hash): that only makes them wait for each other a moment.
     */
    public static void lock(Connection c, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
            ps.setInt(1, LOCK_SPACE);
            ps.setInt(2, (int) Long.parseLong(sha256.substring(0, 8), 16));
            ps.execute();
        }
    }

    /** Under the hash's lock (for the rest of the transaction on {@code c}): whether its file is stored. */
    public boolean presentLocked(Connection c, String sha256) throws SQLException {
        lock(c, sha256);
        return store.path(sha256).isPresent();
    }

    /**
     * After a row referring to {@code sha256} was committed: stores the content again from
     * {@code source} when another instance deleted the file meanwhile. Returns whether it had to.
     */
    public boolean restoreIfDeleted(String sha256, ContentSource source, long maxBytes) throws SQLException, IOException {
        try {
            return Jdbc.inTransaction(ds, c -> {
                if (presentLocked(c, sha256)) {
                    return false;
                }
                try (InputStream in = source.open()) {
                    store.put(in, maxBytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                LOG.infof("Media file %s was deleted by another instance while it was stored here; stored again", sha256);
                return true;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Deletes the file of each hash no media row refers to, each checked and deleted under its lock in
     * a transaction of its own (outside any JTA transaction). Returns how many files were deleted;
     * a file that cannot be deleted is logged and left.
     */
    public int deleteUnreferenced(Collection<String> hashes) {
        int deleted = 0;
        for (String h : new LinkedHashSet<>(hashes)) {
            try {
                boolean gone = Jdbc.inTransaction(ds, c -> {
                    lock(c, h);
                    if (referenced(c, h)) {
                        return false;
                    }
                    try {
                        store.delete(h);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return true;
                });
                deleted += gone ? 1 : 0;
            } catch (SQLException | UncheckedIOException e) {
                LOG.warnf("Could not delete an unreferenced media file (%s)", e.getClass().getSimpleName());
            }
        }
        return deleted;
    }

    private static boolean referenced(Connection c, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from media_objects where sha256 = ? limit 1")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Where content can be read again (an upload still on disk). */
    @FunctionalInterface
    public interface ContentSource {
        InputStream open() throws IOException;
    }
}
