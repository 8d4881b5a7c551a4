package nl.stem.channel.telegram;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.config.StemConfig;
import nl.stem.media.MediaFetcher;
import nl.stem.media.MediaObject;
import nl.stem.media.MediaStore;
import nl.stem.outbox.ChannelSender.SendResult;
import nl.stem.outbox.OutboxMessage;

/**
 * STAND-IN for the generic outbox sender and media worker (package nl.stem.outbox / nl.stem.media,
 * written in parallel and not in this branch). Tests call {@link #sendQueued()} and
 * {@link #fetchPending()} where the real workers would run by themselves. When merging, replace
 * the calls with "wait until the real sender/worker has done it" (e.g. the fake's
 * {@code awaitMessagesTo}, or polling media_objects.status); nothing else depends on this class.
 * <p>
 * It is deliberately simple: one pass, in id order, no rate limits; a Retry keeps the row queued
 * and stops that recipient's later rows in this pass (order per chat); Failed marks it failed.
 */
@ApplicationScoped
public class StandInWorkers {
    @Inject
    DataSource db;
    @Inject
    TelegramSender sender;
    @Inject
    TelegramMediaFetcher fetcher;
    @Inject
    MediaStore store;
    @Inject
    StemConfig config;

    /** One pass over queued telegram outbox rows; returns what each send returned, in order. */
    public synchronized List<SendResult> sendQueued() throws SQLException {
        List<OutboxMessage> queued = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, recipient, payload::text, respondent_id, idempotency_key, attempts "
                     + "from outbox where channel = 'telegram' and status = 'queued' order by id")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OutboxMessage m = new OutboxMessage();
                    m.id = rs.getLong(1);
                    m.channel = "telegram";
                    m.recipient = rs.getString(2);
                    m.payload = rs.getString(3);
                    m.respondentId = (UUID) rs.getObject(4);
                    m.idempotencyKey = (UUID) rs.getObject(5);
                    m.attempts = rs.getInt(6);
                    m.status = "queued";
                    queued.add(m);
                }
            }
        }
        List<SendResult> results = new ArrayList<>();
        Set<String> held = new HashSet<>();
        for (OutboxMessage m : queued) {
            if (held.contains(m.recipient)) {
                continue;
            }
            SendResult r = sender.send(m);
            results.add(r);
            if (r instanceof SendResult.Sent s) {
                update(m.id, "sent", s.providerMessageId(), null);
            } else if (r instanceof SendResult.Retry retry) {
                held.add(m.recipient);
                update(m.id, "queued", null, retry.reason());
            } else if (r instanceof SendResult.Failed f) {
                update(m.id, "failed", null, f.reason());
            }
        }
        return results;
    }

    /** Calls {@link #sendQueued()} until nothing is queued for telegram (at most {@code passes} times). */
    public void sendAll(int passes) throws SQLException {
        for (int i = 0; i < passes && !sendQueued().isEmpty(); i++) {
            // again
        }
    }

    /**
     * One pass over pending telegram media: fetch, store, mark stored; a permanent failure marks
     * unavailable, a retryable one counts an attempt and gives up after {@code maxAttempts}.
     */
    public synchronized void fetchPending(int maxAttempts) throws Exception {
        List<MediaObject> pending = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, provider_ref, size_bytes, attempts from media_objects "
                     + "where channel = 'telegram' and status = 'pending' order by created_at")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    MediaObject m = new MediaObject();
                    m.id = (UUID) rs.getObject(1);
                    m.providerRef = rs.getString(2);
                    m.sizeBytes = (Long) rs.getObject(3);
                    m.attempts = rs.getInt(4);
                    m.channel = "telegram";
                    pending.add(m);
                }
            }
        }
        for (MediaObject m : pending) {
            try {
                MediaFetcher.Download d = fetcher.open(m);
                MediaStore.Stored stored;
                try (InputStream in = d.content()) {
                    stored = store.put(in, config.media().maxBytes());
                }
                media(m.id, "update media_objects set status = 'stored', sha256 = ?, size_bytes = ?, stored_at = ?, attempts = attempts + 1 where id = ?",
                        stored.sha256(), stored.sizeBytes(), Timestamp.from(Instant.now()));
            } catch (MediaFetcher.MediaFetchException e) {
                fail(m, e.getMessage(), e.permanent() || m.attempts + 1 >= maxAttempts);
            } catch (java.io.IOException e) {
                fail(m, e.getMessage(), m.attempts + 1 >= maxAttempts);
            }
        }
    }

    private void fail(MediaObject m, String reason, boolean giveUp) throws SQLException {
        media(m.id, "update media_objects set status = ?, last_error = ?, attempts = attempts + 1 where id = ?",
                giveUp ? MediaObject.UNAVAILABLE : MediaObject.PENDING, reason);
    }

    private void media(UUID id, String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Object p : params) {
                ps.setObject(i++, p);
            }
            ps.setObject(i, id);
            ps.executeUpdate();
        }
    }

    private void update(long id, String status, String providerMessageId, String error) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update outbox set status = ?, provider_message_id = coalesce(?, provider_message_id), last_error = ?, "
                        + "attempts = attempts + 1, sent_at = case when ? = 'sent' then now() else sent_at end where id = ?")) {
            ps.setString(1, status);
            ps.setString(2, providerMessageId);
            ps.setString(3, error);
            ps.setString(4, status);
            ps.setLong(5, id);
            ps.executeUpdate();
        }
    }
}
