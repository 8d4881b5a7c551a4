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
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import nl.stem.worker.Jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The outbox table as the sender sees it: claim, record outcomes, recover. Every method is one
 * short transaction of its own; provider calls happen between them, never inside one.
 */
@ApplicationScoped
public class OutboxStore {
    static final String QUEUED = "queued";
    static final String SENDING = "sending";
    static final String SENT = "sent";
    static final String FAILED = "failed";
    static final String UNREACHABLE = "recipient unreachable";

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

    @Inject
    DataSource ds;

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
            update(c, """
                    update channel_identities set unreachable_at = ?
                    where channel = ? and provider_id = ? and unreachable_at is null""", now, channel, recipient);
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
