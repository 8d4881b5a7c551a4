package nl.stem.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

/** Rows written straight into the database for worker tests (respondent and identity first). */
public final class TestRows {
    private final DataSource db;

    public TestRows(DataSource db) {
        this.db = db;
    }

    /** A fresh respondent with an identity on {@code channel}; returns the recipient (provider id). */
    public Recipient recipient(String channel) {
        UUID id = UUID.randomUUID();
        String providerId = "chat-" + id;
        exec("insert into respondents (id, pseudonym) values (?, ?)", id, "p-" + id);
        exec("insert into channel_identities (respondent_id, channel, provider_id) values (?, ?, ?)", id, channel, providerId);
        return new Recipient(id, providerId);
    }

    public record Recipient(UUID respondentId, String id) {
    }

    /** Queues a message due now; returns its outbox id. */
    public long queue(String channel, Recipient to, int priority, String text) {
        return queue(channel, to, priority, text, Instant.now());
    }

    /** Queues a message due at {@code due}; returns its outbox id. */
    public long queue(String channel, Recipient to, int priority, String text, Instant due) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     insert into outbox (channel, respondent_id, recipient, priority, payload, idempotency_key, next_attempt_at)
                     values (?, ?, ?, ?, ?::jsonb, ?, ?) returning id""")) {
            ps.setObject(7, OffsetDateTime.ofInstant(due, ZoneOffset.UTC));
            ps.setString(1, channel);
            ps.setObject(2, to.respondentId());
            ps.setString(3, to.id());
            ps.setInt(4, priority);
            ps.setString(5, "{\"text\":\"" + text + "\"}");
            ps.setObject(6, UUID.randomUUID());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int exec(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i] instanceof Instant t ? OffsetDateTime.ofInstant(t, ZoneOffset.UTC) : params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One column of one row, e.g. {@code value("select status from outbox where id = ?", id)}. */
    public Object value(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String status(long outboxId) {
        return (String) value("select status from outbox where id = ?", outboxId);
    }

    public String lastError(long outboxId) {
        return (String) value("select last_error from outbox where id = ?", outboxId);
    }

    public int attempts(long outboxId) {
        return (Integer) value("select attempts from outbox where id = ?", outboxId);
    }

    /** Waits until {@code condition} holds, failing after {@code timeout}. */
    public static void await(Duration timeout, String what, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
