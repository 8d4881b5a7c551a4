package nl.stem.worker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Work that one instance does for all when several share the database: a PostgreSQL session
 * advisory lock on a connection of its own, held while the work runs. An instance that finds the
 * lock held skips the work this time (another is doing it); an instance that dies holding it
 * loses its connection, and PostgreSQL releases the lock with it, so nothing waits for a dead one.
 * Example: {@code ClusterLock.ifFree(ds, "stem.panel.scheduler", this::round)} runs the round on
 * one instance at a time, and returns empty on the others.
 */
public final class ClusterLock {

    /** The work done under the lock. */
    @FunctionalInterface
    public interface Task<T> {
        T run() throws Exception;
    }

    private ClusterLock() {
    }

    /**
     * Runs {@code task} if no instance holds the lock {@code name}; empty when one does (or the task
     * returned null). The task's own statements use their own connections and transactions.
     */
    public static <T> Optional<T> ifFree(DataSource ds, String name, Task<T> task) throws Exception {
        try (Connection c = ds.getConnection()) {
            if (!call(c, "select pg_try_advisory_lock(hashtext(?))", name)) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(task.run());
            } finally {
                call(c, "select pg_advisory_unlock(hashtext(?))", name);
            }
        }
    }

    private static boolean call(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
