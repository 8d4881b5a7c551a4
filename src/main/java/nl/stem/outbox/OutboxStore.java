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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import nl.stem.db.Ids;
import nl.stem.identity.IdentityStore;
import nl.stem.worker.Jdbc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

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
                last_error = case when due.unreachable then 'recipient unreachable' else u.last_error end,
                failure_reason = case when due.unreachable then coalesce(u.failure_reason, 'unreachable') else u.failure_reason end
            from due where u.id = due.id
            returning u.id, u.channel, u.respondent_id, u.recipient, u.priority, u.payload::text as payload, u.status,
                      u.attempts, u.next_attempt_at, u.idempotency_key, u.created_at, u.send_as_template, u.deferrals
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
                                next_attempt_at, idempotency_key, created_at, business_initiated, failure_reason)
            select m.channel, cast(m.respondent_id as uuid), m.recipient, m.priority, body.payload, 'queued', 0,
                   cast(m.not_before as timestamptz), cast(m.idempotency_key as uuid), ?, m.business,
                   case when m.moved then 'daily_limit' end
            from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as int[]), cast(? as int[]),
                        cast(? as text[]), cast(? as text[]), cast(? as boolean[]), cast(? as boolean[]))
                     with ordinality as m(channel, respondent_id, recipient, priority, body, not_before, idempotency_key, business,
                                          moved, n)
            join body on body.n = m.body
            order by m.n
            returning id, idempotency_key
            """;

    private final DataSource ds;
    private final IdentityStore identities;
    private final Instance<ChannelSender> senders;

    OutboxStore(DataSource ds, IdentityStore identities, Instance<ChannelSender> senders) {
        this.ds = ds;
        this.identities = identities;
        this.senders = senders;
    }

    /** When a new message goes, and whether it opens a conversation (counts toward its channel's daily limit). */
    public record Planned(Instant at, boolean businessInitiated, boolean moved) {
        Planned(Instant at, boolean businessInitiated) {
            this(at, businessInitiated, false);
        }
    }

    /**
     * The plan {@link #enqueue} would make for {@code messages}, without queuing anything (a wave's dry
     * run shows it): each message's time, moved to a later day where its channel's daily limit on new
     * conversations is reached, and whether it opens one. A bulk message opens a conversation when the
     * recipient has not written within the channel's service window at its time; replies never do.
     */
    public List<Planned> plan(Connection c, List<NewMessage> messages, Instant now) throws SQLException {
        // In the database's precision: PostgreSQL rounds nanoseconds to microseconds, sometimes up, and a
        // message queued "now" read back a microsecond after this plan's now would not count against it.
        now = now.truncatedTo(ChronoUnit.MICROS);
        Planned[] out = new Planned[messages.size()];
        if (messages.stream().allMatch(m -> m.priority() == OutboxMessage.PRIORITY_REPLY)) {
            // The webhook's hot path: replies answer a message, so they never open a conversation.
            for (int i = 0; i < out.length; i++) {
                NewMessage m = messages.get(i);
                out[i] = new Planned(m.notBefore() == null || m.notBefore().isBefore(now) ? now : m.notBefore(), false);
            }
            return List.of(out);
        }
        Map<String, List<Integer>> counted = new LinkedHashMap<>();
        Map<String, ChannelSender> limited = new HashMap<>();
        for (ChannelSender s : senders) {
            if (s.dailyConversationLimit() > 0 && s.serviceWindow() != null) {
                limited.put(s.channel(), s);
            }
        }
        Map<String, Map<String, Instant>> inbound = new HashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            NewMessage m = messages.get(i);
            Instant at = m.notBefore() == null || m.notBefore().isBefore(now) ? now : m.notBefore().truncatedTo(ChronoUnit.MICROS);
            out[i] = new Planned(at, false);
            ChannelSender s = limited.get(m.channel());
            if (s == null || m.priority() == OutboxMessage.PRIORITY_REPLY || m.recipient() == null) {
                continue;
            }
            counted.computeIfAbsent(m.channel(), k -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<String, List<Integer>> e : counted.entrySet()) {
            String channel = e.getKey();
            ChannelSender s = limited.get(channel);
            Duration window = s.serviceWindow();
            Map<String, Instant> last = inbound.computeIfAbsent(channel, ch -> new HashMap<>());
            last.putAll(identities.lastInbound(c, channel, e.getValue().stream().map(i -> messages.get(i).recipient()).distinct().toList()));
            List<Integer> opening = new ArrayList<>();
            Instant earliest = null;
            for (int i : e.getValue()) {
                Instant wrote = last.get(messages.get(i).recipient());
                if (wrote == null || !wrote.plus(window).isAfter(out[i].at())) {
                    opening.add(i);
                    earliest = earliest == null || out[i].at().isBefore(earliest) ? out[i].at() : earliest;
                }
            }
            if (opening.isEmpty()) {
                continue;
            }
            int limit = s.dailyConversationLimit();
            List<Instant> booked = bookedConversations(c, channel, earliest.minus(DAY), now);
            if (booked.size() + opening.size() <= limit) {
                opening.forEach(i -> out[i] = new Planned(out[i].at(), true));
                continue;
            }
            Instant[] times = DailyLimitPlan.plan(limit, DAY, booked,
                    opening.stream().map(i -> out[i].at()).toList(), opening.stream().map(i -> messages.get(i).window()).toList());
            for (int k = 0; k < opening.size(); k++) {
                int i = opening.get(k);
                out[i] = new Planned(times[k], true, times[k].isAfter(out[i].at()));
            }
        }
        return List.of(out);
    }

    /** The daily limit counts in rolling 24 hours. */
    static final Duration DAY = Duration.ofHours(24);

    /**
     * The conversations a channel has started since {@code since} (one per recipient: their latest
     * start) and the business-initiated messages still to go (at their planned time, or now if due).
     */
    private List<Instant> bookedConversations(Connection c, String channel, Instant since, Instant now) throws SQLException {
        List<Instant> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select max(conversation_started_at) from outbox
                where channel = ? and conversation_started_at > ? group by recipient
                union all
                select greatest(next_attempt_at, ?) from outbox
                where channel = ? and business_initiated and status in ('queued', 'sending') and conversation_started_at is null""")) {
            ps.setString(1, channel);
            ps.setObject(2, Jdbc.ts(since));
            ps.setObject(3, Jdbc.ts(now));
            ps.setString(4, channel);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getTimestamp(1).toInstant());
                }
            }
        }
        return out;
    }

    /**
     * The send-time check of the daily limit, in one short transaction that holds the channel's
     * advisory lock (so instances sharing the database count one after another): when the recipient
     * already has a conversation started in the last 24 hours, or fewer than {@code limit} recipients
     * do, the row is marked as starting one now and empty is returned; otherwise the time a place
     * frees up, when the row should try again.
     */
    public Optional<Instant> startConversation(long id, Instant claimedAt, String channel, String recipient, int limit, Instant now)
            throws SQLException {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "stem.outbox.daily-limit:" + channel);
                lock.execute();
            }
            List<Instant> starts = new ArrayList<>();
            boolean already = false;
            try (PreparedStatement ps = c.prepareStatement("""
                    select recipient = ?, max(conversation_started_at) from outbox
                    where channel = ? and conversation_started_at > ? and conversation_started_at <= ? and id <> ?
                    group by recipient order by 2""")) {
                ps.setString(1, recipient);
                ps.setString(2, channel);
                ps.setObject(3, Jdbc.ts(now.minus(DAY)));
                ps.setObject(4, Jdbc.ts(now));
                ps.setLong(5, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        already |= rs.getBoolean(1);
                        starts.add(rs.getTimestamp(2).toInstant());
                    }
                }
            }
            if (already || starts.size() < limit) {
                update(c, "update outbox set conversation_started_at = ?, business_initiated = true where id = ? and claimed_at = ?",
                        now, id, claimedAt);
                return Optional.<Instant>empty();
            }
            return Optional.of(starts.get(starts.size() - limit).plus(DAY).plusMillis(1));
        });
    }

    /**
     * Queues a claimed row again for {@code nextAttemptAt} without counting an attempt: the daily
     * limit, or the provider deferred it. {@code newKey}: the provider saw this key already and would
     * answer a resend with its first answer. {@code asTemplate}: send it as the template next time.
     */
    public boolean recordDeferred(long id, Instant claimedAt, Instant nextAttemptAt, String error, String failureReason,
                                  boolean asTemplate, boolean counted, boolean newKey) throws SQLException {
        return statement("""
                update outbox set status = 'queued', next_attempt_at = ?, last_error = ?, failure_reason = ?, claimed_at = null,
                                  send_as_template = send_as_template or ?, deferrals = deferrals + ?,
                                  idempotency_key = case when ? then gen_random_uuid() else idempotency_key end,
                                  conversation_started_at = case when ? then null else conversation_started_at end
                where id = ? and status = 'sending' and claimed_at = ?""",
                nextAttemptAt, error, failureReason, asTemplate, counted ? 1 : 0, newKey, newKey, id, claimedAt) == 1;
    }

    /**
     * A message the provider accepted and later reported failed with a reason to try again (a status
     * callback with 63016, 63049 or 63018): queued again at {@code at} with a new idempotency key, its
     * delivery status cleared, on the caller's connection (the callback's transaction).
     */
    public void requeueDelivered(Connection c, long id, Instant at, String error, String failureReason, boolean asTemplate)
            throws SQLException {
        update(c, """
                update outbox set status = 'queued', next_attempt_at = ?, last_error = ?, failure_reason = ?,
                                  send_as_template = send_as_template or ?, deferrals = deferrals + 1,
                                  idempotency_key = gen_random_uuid(), delivery_status = null, conversation_started_at = null
                where id = ? and status = 'sent'""", at, error, failureReason, asTemplate, id);
    }

    /**
     * Queues {@code messages} on the caller's connection (its transaction), created at {@code now},
     * and returns their ids in the same order. The caller fires {@code OutboxQueued} so a sender
     * wakes after commit.
     */
    public List<Long> enqueue(Connection c, List<NewMessage> messages, Instant now) throws SQLException {
        return enqueuePlanned(c, messages, now).stream().map(Queued::id).toList();
    }

    /** A queued message: its id and when it is planned to go (the daily limit may have moved it to a later day). */
    public record Queued(long id, Instant at, boolean businessInitiated) {
    }

    /** As {@link #enqueue}, answering each message's id and planned time, in the same order. */
    public List<Queued> enqueuePlanned(Connection c, List<NewMessage> messages, Instant now) throws SQLException {
        if (messages.isEmpty()) {
            return List.of();
        }
        int n = messages.size();
        List<Planned> plan = plan(c, messages, now);
        Boolean[] business = new Boolean[n];
        Boolean[] moved = new Boolean[n];
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
            notBefore[i] = plan.get(i).at().toString();
            business[i] = plan.get(i).businessInitiated();
            moved[i] = plan.get(i).moved();
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
            ps.setArray(10, c.createArrayOf("boolean", business));
            ps.setArray(11, c.createArrayOf("boolean", moved));
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
        List<Queued> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Queued(ids.get(keys[i]), plan.get(i).at(), plan.get(i).businessInitiated()));
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
        recordDelivery(c, id, deliveryStatus, errorCode, null, at);
    }

    /** As above, with the reason a failed delivery means for the coordinator ({@link FailureReason} code). */
    public void recordDelivery(Connection c, long id, String deliveryStatus, String errorCode, String failureReason, Instant at)
            throws SQLException {
        update(c, "update outbox set delivery_status = ?, delivery_error = coalesce(?, delivery_error), delivery_updated_at = ?, "
                        + "failure_reason = coalesce(?, failure_reason) where id = ?",
                deliveryStatus, errorCode == null || errorCode.isBlank() ? null : errorCode, at, failureReason, id);
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
                                  last_error = null, failure_reason = null, claimed_at = null
                where id = ? and status = 'sending' and claimed_at = ?""", now, providerMessageId, id, claimedAt) == 1;
    }

    /** Queues the row again for {@code nextAttemptAt} after a failed attempt. */
    public boolean recordRetry(long id, Instant claimedAt, Instant nextAttemptAt, String error) throws SQLException {
        return recordRetry(id, claimedAt, nextAttemptAt, error, null);
    }

    /** As above, with why it waits for the coordinator ({@link FailureReason} code, or null). */
    public boolean recordRetry(long id, Instant claimedAt, Instant nextAttemptAt, String error, String failureReason) throws SQLException {
        return statement("""
                update outbox set status = 'queued', attempts = attempts + 1, next_attempt_at = ?, last_error = ?,
                                  failure_reason = ?, claimed_at = null
                where id = ? and status = 'sending' and claimed_at = ?""", nextAttemptAt, error, failureReason, id, claimedAt) == 1;
    }

    /** Puts a claimed row back without counting an attempt (the provider was not called). */
    public boolean release(long id, Instant claimedAt) throws SQLException {
        return statement("""
                update outbox set status = 'queued', claimed_at = null
                where id = ? and status = 'sending' and claimed_at = ?""", id, claimedAt) == 1;
    }

    /** Marks the row failed for good. */
    public boolean recordFailed(long id, Instant claimedAt, String error) throws SQLException {
        return recordFailed(id, claimedAt, error, null);
    }

    /** Marks the row failed for good, with the reason for the coordinator ({@link FailureReason} code, or null). */
    public boolean recordFailed(long id, Instant claimedAt, String error, String failureReason) throws SQLException {
        return statement("""
                update outbox set status = 'failed', attempts = attempts + 1, last_error = ?, failure_reason = ?, claimed_at = null
                where id = ? and status = 'sending' and claimed_at = ?""", error, failureReason, id, claimedAt) == 1;
    }

    /**
     * The recipient blocked the bot or opted out: fails the row, marks the channel identity
     * unreachable and fails every other queued row to them on this channel. Returns how many other
     * rows were failed.
     */
    public int recordUnreachable(long id, Instant claimedAt, String channel, String recipient, String error, Instant now)
            throws SQLException {
        return recordUnreachable(id, claimedAt, channel, recipient, error, FailureReason.UNREACHABLE.code(), now);
    }

    /** As above, with the reason for the coordinator (also on the other rows failed with it). */
    public int recordUnreachable(long id, Instant claimedAt, String channel, String recipient, String error, String failureReason,
                                 Instant now) throws SQLException {
        return Jdbc.inTransaction(ds, c -> {
            update(c, """
                    update outbox set status = 'failed', attempts = attempts + 1, last_error = ?, failure_reason = ?, claimed_at = null
                    where id = ? and status = 'sending' and claimed_at = ?""", error, failureReason, id, claimedAt);
            identities.markUnreachable(c, channel, recipient, now);
            return update(c, """
                    update outbox set status = 'failed', last_error = ?, failure_reason = ?
                    where channel = ? and recipient = ? and status = 'queued'""", UNREACHABLE, failureReason, channel, recipient);
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
        m.sendAsTemplate = rs.getBoolean("send_as_template");
        m.deferrals = rs.getInt("deferrals");
        return m;
    }
}
