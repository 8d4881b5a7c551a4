package nl.stem.outbox;

import static nl.stem.worker.Jdbc.instant;
import static nl.stem.worker.Jdbc.update;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import nl.stem.db.Ids;
import nl.stem.identity.IdentityStore;
import nl.stem.worker.Jdbc;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one writer of the outbox table. Producers (conversation replies, wave invitations, reminders,
 * feedback) queue through {@link #enqueue}, in their own transaction; the sender claims, records
 * outcomes and recovers, every such method one short transaction of its own, so provider calls
 * happen between them, never inside one.
 */
@ApplicationScoped
public class OutboxStore {
    static final String QUEUED = "queued";
    static final String SENDING = "sending";
    static final String SENT = "sent";
    static final String FAILED = "failed";
    static final String UNREACHABLE = "recipient unreachable";
    /** A queue grown by this many rows at once (a wave) has its planner statistics refreshed. */
    private static final int ANALYZE_AFTER = 10_000;

    /*
     * Due rows of one channel, replies (priority 0) before bulk, oldest first; only the oldest unsent
     * row of each chat (so a chat's messages go in order and never two at once, across instances),
     * and only for chats not sent to within the per-recipient interval. SKIP LOCKED lets several
     * instances claim side by side.
     *
     * The per-chat conditions are scalar subqueries, one index probe each, on purpose: written as
     * NOT EXISTS they become anti-joins, and with a queue's ever-stale statistics the planner joined
     * them by scanning every open or sent row of the channel. This way the claim walks
     * outbox_due_order and stops after `limit` rows.
     *
     * A row whose recipient is known to be unreachable (blocked the bot, opted out) is failed by the
     * same statement instead of claimed: it never reaches the provider.
     */
    private static final String CLAIM = """
            with due as (
                select o.id,
                       exists (select 1 from channel_identities ci
                               where ci.channel = o.channel and ci.provider_id = o.recipient
                                 and ci.unreachable_at is not null) as unreachable
                from outbox o
                where o.channel = ? and o.status = 'queued' and o.next_attempt_at <= ?
                  and o.id = (select p.id from outbox p
                              where p.channel = o.channel and p.recipient = o.recipient
                                and p.status in ('queued', 'sending')
                              order by p.id limit 1)
                  and coalesce((select max(s.sent_at) from outbox s
                                where s.channel = o.channel and s.recipient = o.recipient and s.status = 'sent'),
                               '-infinity') <= ?
                order by o.priority, o.id
                limit ?
                for update of o skip locked)
            update outbox u
            set status = case when due.unreachable then 'failed' else 'sending' end,
                claimed_at = case when due.unreachable then null else ?::timestamptz end,
                last_error = case when due.unreachable then 'recipient unreachable' else u.last_error end
            from due where u.id = due.id
            returning u.id, u.channel, u.respondent_id, u.recipient, u.priority, u.payload::text as payload, u.status,
                      u.attempts, u.next_attempt_at, u.idempotency_key, u.created_at
            """;

    /*
     * Any number of messages in one statement with a fixed text (prepared once per connection, on
     * the webhook's hot path as for a wave of 100,000): the rows come as arrays, and the payloads
     * once each (a wave repeats a few texts), parsed once and joined back by their index.
     */
    private static final String ENQUEUE = """
            with body as materialized (
                select n, cast(b as jsonb) as payload from unnest(cast(? as text[])) with ordinality as u(b, n))
            insert into outbox (channel, respondent_id, recipient, priority, payload, status, attempts,
                                next_attempt_at, idempotency_key, created_at)
            select m.channel, cast(m.respondent_id as uuid), m.recipient, m.priority, body.payload, 'queued', 0,
                   cast(m.not_before as timestamptz), cast(m.idempotency_key as uuid), ?
            from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as int[]), cast(? as int[]),
                        cast(? as text[]), cast(? as text[]))
                     with ordinality as m(channel, respondent_id, recipient, priority, body, not_before, idempotency_key, n)
            join body on body.n = m.body
            order by m.n
            returning id, idempotency_key
            """;

    private final DataSource ds;
    private final IdentityStore identities;

    OutboxStore(DataSource ds, IdentityStore identities) {
        this.ds = ds;
        this.identities = identities;
    }

    /**
     * Queues {@code messages} on the caller's connection (its transaction), created at {@code now},
     * and returns their ids in the same order. The caller fires {@code OutboxQueued} so a sender
     * wakes after commit.
     */
    public List<Long> enqueue(Connection c, List<NewMessage> messages, Instant now) throws SQLException {
        if (messages.isEmpty()) {
            return List.of();
        }
        int n = messages.size();
        String[] channels = new String[n];
        String[] respondents = new String[n];
        String[] recipients = new String[n];
        Integer[] priorities = new Integer[n];
        Integer[] bodyIndex = new Integer[n];
        String[] notBefore = new String[n];
        UUID[] keys = new UUID[n];
        String[] keyText = new String[n];
        Map<String, Integer> bodies = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            NewMessage m = messages.get(i);
            channels[i] = m.channel();
            respondents[i] = m.respondentId() == null ? null : m.respondentId().toString();
            recipients[i] = m.recipient();
            priorities[i] = m.priority();
            bodyIndex[i] = bodies.computeIfAbsent(m.payload(), b -> bodies.size() + 1);
            notBefore[i] = (m.notBefore() == null ? now : m.notBefore()).toString();
            keys[i] = Ids.uuid();
            keyText[i] = keys[i].toString();
        }
        Map<UUID, Long> ids = new HashMap<>(n * 2);
        try (PreparedStatement ps = c.prepareStatement(ENQUEUE)) {
            ps.setArray(1, c.createArrayOf("text", bodies.keySet().toArray()));
            ps.setObject(2, Jdbc.ts(now));
            ps.setArray(3, c.createArrayOf("text", channels));
            ps.setArray(4, c.createArrayOf("text", respondents));
            ps.setArray(5, c.createArrayOf("text", recipients));
            ps.setArray(6, c.createArrayOf("int4", priorities));
            ps.setArray(7, c.createArrayOf("int4", bodyIndex));
            ps.setArray(8, c.createArrayOf("text", notBefore));
            ps.setArray(9, c.createArrayOf("text", keyText));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getObject(2, UUID.class), rs.getLong(1));
                }
            }
        }
        if (n >= ANALYZE_AFTER) {
            // So the sender's claim plans for a queue this size now, not when autovacuum gets to it.
            update(c, "analyze outbox");
        }
        List<Long> out = new ArrayList<>(n);
        for (UUID key : keys) {
            out.add(ids.get(key));
        }
        return out;
    }

    /** Cancels these messages where still queued (a closed wave's); returns how many were cancelled. */
    public int cancelQueued(Connection c, Long[] ids, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update outbox set status = 'cancelled', last_error = ? where id = any(?) and status = 'queued'")) {
            ps.setString(1, reason);
            ps.setArray(2, c.createArrayOf("bigint", ids));
            return ps.executeUpdate();
        }
    }

    /** A WhatsApp delivery callback for one message: its delivery status, the provider's error code if any. */
    public void recordDelivery(Connection c, long id, String deliveryStatus, String errorCode, Instant at) throws SQLException {
        update(c, "update outbox set delivery_status = ?, delivery_error = coalesce(?, delivery_error), delivery_updated_at = ? where id = ?",
                deliveryStatus, errorCode == null || errorCode.isBlank() ? null : errorCode, at, id);
    }

    /** The browser preview shows its queued messages itself: they count as delivered once read. */
    public int markPreviewDelivered(Connection c, String recipient, long afterId) throws SQLException {
        return update(c, "update outbox set status = 'delivered', sent_at = now() where channel = 'preview' and recipient = ? "
                + "and id > ? and status = 'queued'", recipient, afterId);
    }

    /**
     * Deletes the messages that confirmed an erasure once they are sent or given up: they carry the
     * erased respondent's chat or number and no respondent id. Returns how many went.
     */
    public int purgeErasureConfirmations() throws SQLException {
        return Jdbc.inTransaction(ds, c -> update(c, "delete from outbox where respondent_id is null "
                + "and status in ('sent', 'delivered', 'failed', 'cancelled')"));
    }

    /**
     * Claims up to {@code limit} due rows of {@code channel} (status becomes 'sending', {@code claimed_at}
     * becomes {@code now}), ordered by priority and id, in one statement. Rows to recipients known to
     * be unreachable come back with status 'failed' instead: they are done, and must not be sent.
     * Pass {@code now} truncated to microseconds (the database's precision): the outcome is recorded
     * only while the row still carries this claim.
     */
    public List<OutboxMessage> claim(String channel, int limit, Duration perRecipientInterval, Instant now) throws SQLException {
        try (Connection c = ds.getConnection()) {
            List<OutboxMessage> claimed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
                ps.setString(1, channel);
                ps.setObject(2, Jdbc.ts(now));
                ps.setObject(3, Jdbc.ts(now.minus(perRecipientInterval)));
                ps.setInt(4, limit);
                ps.setObject(5, Jdbc.ts(now));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(message(rs));
                    }
                }
            }
            claimed.sort(Comparator.<OutboxMessage>comparingInt(m -> m.priority).thenComparing(m -> m.id));
            return claimed;
        }
    }

    /** Records a successful send. Returns false when the row was no longer this claim's (recovered meanwhile). */
    public boolean recordSent(long id, Instant claimedAt, String providerMessageId, Instant now) throws SQLException {
        return statement("""
                update outbox set status = 'sent', sent_at = ?, provider_message_id = ?, attempts = attempts + 1,
                                  last_error = null, claimed_at = null
                where id = ? and status = 'sending' and claimed_at = ?""", now, providerMessageId, id, claimedAt) == 1;
    }

    /** Queues the row again for {@code nextAttemptAt} after a failed attempt. */
    public boolean recordRetry(long id, Instant claimedAt, Instant nextAttemptAt, String error) throws SQLException {
        return statement("""
                update outbox set status = 'queued', attempts = attempts + 1, next_attempt_at = ?, last_error = ?,
                                  claimed_at = null
                where id = ? and status = 'sending' and claimed_at = ?""", nextAttemptAt, error, id, claimedAt) == 1;
    }

    /** Puts a claimed row back without counting an attempt (the provider was not called). */
    public boolean release(long id, Instant claimedAt) throws SQLException {
        return statement("""
                update outbox set status = 'queued', claimed_at = null
                where id = ? and status = 'sending' and claimed_at = ?""", id, claimedAt) == 1;
    }

    /** Marks the row failed for good. */
    public boolean recordFailed(long id, Instant claimedAt, String error) throws SQLException {
        return statement("""
                update outbox set status = 'failed', attempts = attempts + 1, last_error = ?, claimed_at = null
                where id = ? and status = 'sending' and claimed_at = ?""", error, id, claimedAt) == 1;
    }

    /**
     * The recipient blocked the bot or opted out: fails the row, marks the channel identity
     * unreachable and fails every other queued row to them on this channel. Returns how many other
     * rows were failed.
     */
    public int recordUnreachable(long id, Instant claimedAt, String channel, String recipient, String error, Instant now)
            throws SQLException {
        return Jdbc.inTransaction(ds, c -> {
            update(c, """
                    update outbox set status = 'failed', attempts = attempts + 1, last_error = ?, claimed_at = null
                    where id = ? and status = 'sending' and claimed_at = ?""", error, id, claimedAt);
            identities.markUnreachable(c, channel, recipient, now);
            return update(c, """
                    update outbox set status = 'failed', last_error = ?
                    where channel = ? and recipient = ? and status = 'queued'""", UNREACHABLE, channel, recipient);
        });
    }

    /**
     * Rows claimed before {@code cutoff} and never recorded (their process stopped) are queued
     * again, counting the lost attempt; those out of attempts fail. Returns the number of rows.
     */
    public int recoverStuck(Instant cutoff, int maxAttempts, Instant now) throws SQLException {
        return statement("""
                update outbox set status = case when attempts + 1 >= ? then 'failed' else 'queued' end,
                                  attempts = attempts + 1, next_attempt_at = ?, claimed_at = null,
                                  last_error = 'sending timed out: the sending process stopped or the provider hung'
                where status = 'sending' and claimed_at < ?""", maxAttempts, now, cutoff);
    }

    /**
     * The earliest {@code next_attempt_at} of queued rows on these channels that are the oldest unsent
     * row of their chat (the rows behind them wait for them, not for a time), or null when none.
     */
    public Instant nextDue(Collection<String> channels) throws SQLException {
        if (channels.isEmpty()) {
            return null;
        }
        try (var c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select o.next_attempt_at as next from outbox o
                     where o.status = 'queued' and o.channel = any(?)
                       and o.id = (select p.id from outbox p
                                   where p.channel = o.channel and p.recipient = o.recipient
                                     and p.status in ('queued', 'sending')
                                   order by p.id limit 1)
                     order by o.next_attempt_at limit 1""")) {
            Array array = c.createArrayOf("text", channels.toArray());
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? instant(rs, "next") : null;
            }
        }
    }

    /** One statement on its own (autocommit): it is its own transaction, with no separate commit. */
    private int statement(String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return update(c, sql, params);
        }
    }

    private static OutboxMessage message(ResultSet rs) throws SQLException {
        OutboxMessage m = new OutboxMessage();
        m.id = rs.getLong("id");
        m.channel = rs.getString("channel");
        m.respondentId = rs.getObject("respondent_id", UUID.class);
        m.recipient = rs.getString("recipient");
        m.priority = rs.getInt("priority");
        m.payload = rs.getString("payload");
        m.status = rs.getString("status");
        m.attempts = rs.getInt("attempts");
        m.nextAttemptAt = instant(rs, "next_attempt_at");
        m.idempotencyKey = rs.getObject("idempotency_key", UUID.class);
        m.createdAt = instant(rs, "created_at");
        return m;
    }
}
