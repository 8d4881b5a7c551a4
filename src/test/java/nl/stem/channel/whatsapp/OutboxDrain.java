package nl.stem.channel.whatsapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import nl.stem.outbox.ChannelSender;
import nl.stem.outbox.ChannelSender.SendResult;
import nl.stem.outbox.OutboxMessage;

/**
 * Stand-in for the generic OutboxSender (not in this branch yet): reads queued WhatsApp outbox rows
 * in id order, calls the sender once per row and records the outcome the simplest way (sent with
 * provider_message_id, failed with last_error, or still queued with attempts + 1 on Retry). No
 * claiming, rate limits or backoff: swap in the real sender when merging.
 */
final class OutboxDrain {
    /** One row's outcome. */
    record Sent(long outboxId, SendResult result) {
    }

    private OutboxDrain() {
    }

    static List<Sent> drain(DataSource db, ChannelSender sender) throws SQLException {
        List<Sent> out = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            List<OutboxMessage> due = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id, recipient, payload::text, idempotency_key, attempts, respondent_id, created_at "
                    + "from outbox where channel = ? and status = 'queued' order by id")) {
                ps.setString(1, sender.channel());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        OutboxMessage m = new OutboxMessage();
                        m.id = rs.getLong(1);
                        m.channel = sender.channel();
                        m.recipient = rs.getString(2);
                        m.payload = rs.getString(3);
                        m.idempotencyKey = (UUID) rs.getObject(4);
                        m.attempts = rs.getInt(5);
                        m.respondentId = (UUID) rs.getObject(6);
                        m.createdAt = rs.getTimestamp(7).toInstant();
                        m.status = "queued";
                        due.add(m);
                    }
                }
            }
            for (OutboxMessage m : due) {
                SendResult r = sender.send(m);
                out.add(new Sent(m.id, r));
                record(c, m.id, r);
            }
        }
        return out;
    }

    private static void record(Connection c, long id, SendResult r) throws SQLException {
        String sql;
        if (r instanceof SendResult.Sent) {
            sql = "update outbox set status = 'sent', attempts = attempts + 1, sent_at = ?, provider_message_id = ? where id = ?";
        } else if (r instanceof SendResult.Failed) {
            sql = "update outbox set status = 'failed', attempts = attempts + 1, last_error = ? where id = ?";
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
