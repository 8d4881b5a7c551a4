package nl.stem.conversation;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.stem.worker.Jdbc;

/**
 * Plain JDBC on the current transaction's connection, for the statements every inbound message
 * runs: there Hibernate's query and flush machinery costs more CPU than the statements themselves,
 * and a message that needs no entity opens no Hibernate session at all.
 *
 * <p>Inside a JTA transaction the pool hands out the connection enlisted in it, the one Hibernate
 * uses too, so these statements and any entity work of the same message commit or roll back
 * together. They do not flush Hibernate: a caller that persisted entities a statement depends on
 * flushes first.
 */
@Singleton
public class Sql {
    @Inject
    DataSource ds;

    <T> T run(Jdbc.Work<T> work) {
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Conversation statement failed (SQLState " + e.getSQLState() + ")", e);
        }
    }
}
