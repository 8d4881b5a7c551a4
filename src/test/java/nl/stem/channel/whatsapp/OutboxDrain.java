package nl.stem.channel.whatsapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import nl.stem.outbox.ChannelSender;
import nl.stem.outbox.ChannelSender.SendResult;
import nl.stem.outbox.OutboxMessage;

/**
 * Test access to WhatsApp delivery. Replies to webhooks go through the real OutboxSender (woken after
 * commit); {@link #awaitDelivered} waits for it. Rows a test queues itself to check the sender's
 * classification are inserted as {@code held}, which the background sender never claims, and sent
 * one at a time with {@link #send}.
 */
final class OutboxDrain {
    static final String HELD = "held";

    private OutboxDrain() {
    }

    /** A Farsi respondent who has talked to us, with their replies already sent. */
    static Phone farsiRespondent(DataSource db) throws Exception {
        Phone p = Phone.fresh();
        p.text("سلام");
        p.text("فارسی");
        awaitDelivered(db, p.from);
        return p;
    }

    /** Waits until the background sender has nothing queued or in flight for the recipient. */
    static void awaitDelivered(DataSource db, String recipient) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (Db.count(db, "select count(*) from outbox where channel = 'whatsapp' and recipient = ? and status in ('queued', 'sending')", recipient) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("outbox for a test number not drained within 20 s");
            }
            Thread.sleep(25);
        }
    }

    /** Sends one held row with the sender itself and records the outcome as the outbox sender would. */
    static SendResult send(DataSource db, ChannelSender sender, long id) throws SQLException {
        try (Connection c = db.getConnection()) {
            OutboxMessage m = new OutboxMessage();
            try (PreparedStatement ps = c.prepareStatement("select id, recipient, payload::text, idempotency_key, attempts, respondent_id, created_at "
                    + "from outbox where id = ? and status = '" + HELD + "'")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new AssertionError("outbox row " + id + " is not held for the test");
                    }
                    m.id = rs.getLong(1);
                    m.channel = sender.channel();
                    m.recipient = rs.getString(2);
                    m.payload = rs.getString(3);
                    m.idempotencyKey = (UUID) rs.getObject(4);
                    m.attempts = rs.getInt(5);
                    m.respondentId = (UUID) rs.getObject(6);
                    m.createdAt = rs.getTimestamp(7).toInstant();
                    m.status = "sending";
                }
            }
            SendResult r = sender.send(m);
            record(c, id, r);
            return r;
        }
    }

    private static void record(Connection c, long id, SendResult r) throws SQLException {
        String sql;
        if (r instanceof SendResult.Sent) {
            sql = "update outbox set attempts = attempts + 1, sent_at = ?, provider_message_id = ? where id = ?";
        } else {
            sql = "update outbox set attempts = attempts + 1, last_error = ? where id = ?";
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (r instanceof SendResult.Sent s) {
                ps.setTimestamp(1, Timestamp.from(Instant.now()));
                ps.setString(2, s.providerMessageId());
                ps.setLong(3, id);
            } else {
                ps.setString(1, r instanceof SendResult.Failed f ? f.reason() : ((SendResult.Retry) r).reason());
                ps.setLong(2, id);
            }
            ps.executeUpdate();
        }
    }
}
