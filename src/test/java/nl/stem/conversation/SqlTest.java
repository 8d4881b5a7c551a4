package nl.stem.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The conversation's plain JDBC runs on the transaction's own connection: the one Hibernate uses,
 * committed and rolled back with it.
 */
@QuarkusTest
class SqlTest {
    @Inject
    Sql sql;

    @Test
    void insideATransaction_everyStatementAndHibernateShareOneConnection() {
        QuarkusTransaction.requiringNew().run(() -> {
            int first = backendPid();
            int second = backendPid();
            Object hibernate = Panache.getEntityManager().createNativeQuery("select pg_backend_pid()").getSingleResult();
            assertEquals(first, second);
            assertEquals(first, ((Number) hibernate).intValue());
        });
    }

    @Test
    void aRolledBackTransaction_keepsNoneOfItsStatements() {
        String id = "sql-test-" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            insertInbound(id);
            assertEquals(1, countInbound(id), "visible inside its own transaction");
            throw new IllegalStateException("roll back");
        }));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> countInbound(id)));

        QuarkusTransaction.requiringNew().run(() -> insertInbound(id));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> countInbound(id)));
    }

    @Test
    void aFailingStatement_isReportedWithItsSqlState() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> sql.run(c -> c.prepareStatement("select * from no_such_table").execute())));
        assertEquals("Conversation statement failed (SQLState 42P01)", e.getMessage());
    }

    private int backendPid() {
        return sql.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("select pg_backend_pid()"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private void insertInbound(String id) {
        sql.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into inbound_messages (channel, provider_message_id) values ('test', ?)")) {
                ps.setString(1, id);
                return ps.executeUpdate();
            }
        });
    }

    private long countInbound(String id) {
        return sql.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from inbound_messages where channel = 'test' and provider_message_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
