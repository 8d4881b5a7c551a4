package nl.stem.conversation;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.Panache;
import nl.stem.worker.Jdbc;

/**
 * Plain JDBC on the current transaction's connection, for the statements every inbound message
 * runs: there Hibernate's query and flush machinery costs more CPU than the statements themselves.
 */
final class Sql {
    private Sql() {
    }

    static <T> T run(Jdbc.Work<T> work) {
        return Panache.getEntityManager().unwrap(Session.class).doReturningWork(work::run);
    }
}
