package nl.stem.dashboard;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Runs a few reading statements in one read-only, repeatable-read transaction, so that figures
 * computed by separate statements come from the same moment. Example:
 * {@code Snapshot.read(db, c -> MemberTally.count(c, 7, thresholds, null))}.
 */
final class Snapshot {

    /** Work on a connection. */
    interface Reading<T> {
        T apply(Connection c) throws SQLException;
    }

    private Snapshot() {
    }

    static <T> T read(DataSource db, Reading<T> reading) {
        try (Connection c = db.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                return reading.apply(c);
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the wave figures", e);
        }
    }
}
