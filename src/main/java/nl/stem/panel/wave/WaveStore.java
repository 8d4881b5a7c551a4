package nl.stem.panel.wave;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import nl.stem.identity.Channel;
import nl.stem.panel.QuietHours;
import nl.stem.worker.Jdbc;

/**
 * The panel's tables, {@code waves}, {@code wave_members}, {@code panel_contacts} and the wave's
 * {@code invitations}: every statement of launching, reminding, closing and feedback, on the
 * caller's connection (its transaction). The rules (who is invited, when, with what text) stay in
 * {@link Waves}, {@link Reminders} and {@link WaveLifecycle}; the outbox rows they queue are
 * {@link nl.stem.outbox.OutboxStore}'s.
 */
@ApplicationScoped
public class WaveStore {
    private final DataSource ds;

    public WaveStore(DataSource ds) {
        this.ds = ds;
    }

    // ---- launch

    /** The wave a launch with this idempotency key made, if any. */
    Optional<Long> launched(Connection c, String key) throws SQLException {
        if (key == null) {
            return Optional.empty();
        }
        try (PreparedStatement ps = c.prepareStatement("select id from waves where idempotency_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /*
     * Hash joins, not per-member subqueries: the plan stays good for 100,000 members even before
     * the statistics of a fresh import are gathered. A member with two identities on their channel
     * appears twice; the newest identity comes first and is the one kept.
     */
    private static final String CANDIDATES = """
            select r.id, r.member_id, r.channel, r.preferred_language, r.time_zone, r.opted_out_at, ci.provider_id,
                   ci.unreachable_at, coalesce(pc.n, 0) from respondents r
            left join channel_identities ci on ci.respondent_id = r.id and ci.channel = r.channel
            left join (select respondent_id, count(*) n from panel_contacts where at > ? and kind <> 'feedback'
                       group by respondent_id) pc on pc.respondent_id = r.id
            where r.member_id is not null and r.channel is not null and (cast(? as text) is null or r.channel = ?)
              and (cast(? as text) is null or r.preferred_language = ?) and r.attributes @> cast(? as jsonb)
              and (cast(? as text[]) is null or r.member_id = any(cast(? as text[]))) order by r.member_id, ci.id desc""";

    /**
     * The members matching the filter (channel, language and attributes as JSON, null for any; the
     * member ids, null for all), each once, with their contacts since {@code contactsSince}.
     */
    List<Candidate> candidates(Connection c, String channel, String language, String attributesJson, List<String> memberIds,
                               Instant contactsSince) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CANDIDATES)) {
            ps.setObject(1, Jdbc.ts(contactsSince));
            ps.setString(2, channel);
            ps.setString(3, channel);
            ps.setString(4, language);
            ps.setString(5, language);
            ps.setString(6, attributesJson);
            Array ids = memberIds == null ? null : c.createArrayOf("text", memberIds.toArray());
            ps.setArray(7, ids);
            ps.setArray(8, ids);
            List<Candidate> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!out.isEmpty() && out.get(out.size() - 1).memberId().equals(rs.getString(2))) {
                        continue;
                    }
                    out.add(new Candidate(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), Jdbc.instant(rs, "opted_out_at"), rs.getString(7),
                            Jdbc.instant(rs, "unreachable_at"), rs.getInt(9)));
                }
            }
            return out;
        }
    }

    /** The new wave's id; empty when a wave with this idempotency key exists already. */
    Optional<Long> insertWave(Connection c, String name, long versionId, Instant inviteAt, List<Integer> reminderHours,
                              QuietHours quiet, String idempotencyKey, String actor, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into waves (name, survey_version_id, invite_at, reminder_hours, created_by, created_at, quiet_start,
                                   quiet_end, idempotency_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (idempotency_key) do nothing returning id""")) {
            ps.setString(1, name);
            ps.setLong(2, versionId);
            ps.setObject(3, Jdbc.ts(inviteAt));
            ps.setArray(4, c.createArrayOf("int4", reminderHours.toArray()));
            ps.setString(5, actor);
            ps.setObject(6, Jdbc.ts(now));
            ps.setObject(7, quiet.start());
            ps.setObject(8, quiet.end());
            ps.setString(9, idempotencyKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /**
     * One member of a launched wave: a Telegram link to hand out ({@code token}, no outbox row) or an
     * invitation queued as outbox row {@code inviteOutboxId}; the first reminder at {@code reminderAt}.
     */
    record PlannedMember(UUID respondentId, String channel, String language, String token, Long inviteOutboxId,
                         Instant invitedAt, Instant reminderAt) {
    }

    /**
     * Writes the wave's members, their Telegram invitations and the contact log. The plan goes into a
     * temporary table with COPY and from there in three set-based statements: in seconds for
     * 100,000 members, where a statement per member would take minutes.
     */
    void addMembers(Connection c, long waveId, String surveyId, List<PlannedMember> members, Instant now) throws SQLException {
        StringBuilder plan = new StringBuilder(members.size() * 120);
        for (PlannedMember m : members) {
            Copy.row(plan, m.respondentId(), m.channel(), m.language(), m.token(), m.inviteOutboxId(), m.invitedAt(), m.reminderAt());
        }
        Jdbc.update(c, "create temporary table wave_plan (respondent_id uuid, channel text, language text, token text, "
                + "invite_outbox_id bigint, invited_at timestamptz, reminder_at timestamptz) on commit drop");
        Copy.in(c, "wave_plan", plan);
        Jdbc.update(c, "insert into invitations (token, respondent_id, survey_id, language, channel, created_at) "
                + "select token, respondent_id, ?, language, ?, ? from wave_plan where token is not null", surveyId, Channel.TELEGRAM.id(), now);
        Jdbc.update(c, "insert into wave_members (wave_id, respondent_id, channel, language, invitation_token, invite_outbox_id, invited_at, "
                + "next_reminder_at) select ?, respondent_id, channel, language, token, invite_outbox_id, invited_at, reminder_at "
                + "from wave_plan", waveId);
        Jdbc.update(c, "insert into panel_contacts (respondent_id, wave_id, kind, at) "
                + "select respondent_id, ?, 'invitation', invited_at from wave_plan", waveId);
    }

    /** Refreshes the planner's statistics of wave_members after a large launch. */
    void analyzeMembers(Connection c) throws SQLException {
        Jdbc.update(c, "analyze wave_members");
    }

    // ---- after launch

    private static final String SUMMARY = """
            select w.id, w.name, v.survey_id, v.version, w.status, w.invite_at, w.reminder_hours,
                   w.created_at, w.closed_at, w.feedback_sent_at, count(wm.respondent_id), count(o.id) filter (where o.status = 'sent'),
                   count(wm.invitation_token), count(s.id), count(s.completed_at)
            from waves w join survey_versions v on v.id = w.survey_version_id left join wave_members wm on wm.wave_id = w.id
            left join outbox o on o.id = wm.invite_outbox_id left join sessions s on s.id = wm.session_id
            """;

    /** Every wave, newest first (null), or the one wave {@code id}. */
    List<WaveSummary> summaries(Long id) {
        String sql = id == null ? SUMMARY + "group by w.id, v.survey_id, v.version order by w.id desc"
                : SUMMARY + "where w.id = ? group by w.id, v.survey_id, v.version";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (id != null) {
                ps.setLong(1, id);
            }
            List<WaveSummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Integer[] hours = (Integer[]) rs.getArray(7).getArray();
                    out.add(new WaveSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                            Jdbc.instant(rs, "invite_at"), Arrays.asList(hours), Jdbc.instant(rs, "created_at"),
                            Jdbc.instant(rs, "closed_at"), Jdbc.instant(rs, "feedback_sent_at"), rs.getLong(11), rs.getLong(12),
                            rs.getLong(13), rs.getLong(14), rs.getLong(15)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read waves", e);
        }
    }

    /** One group of a wave's messages: channel, state (queued, sent, delivered, read, failed, cancelled), reason, count, earliest next try. */
    record DeliveryRow(String channel, String state, String reason, long count, Instant nextAt) {
    }

    /**
     * The wave's invitations, reminders and feedback by channel, state and failure reason. A message
     * the provider reported failed or undelivered counts as failed; a queued one with a reason waits
     * for it (the daily limit, a retry hours later).
     */
    List<DeliveryRow> delivery(long id) {
        String sql = """
                with msgs as (
                    select o.channel, o.status, o.delivery_status, o.failure_reason, o.next_attempt_at from outbox o
                    where o.id in (select invite_outbox_id from wave_members where wave_id = ? and invite_outbox_id is not null
                                   union all
                                   select outbox_id from panel_contacts where wave_id = ? and outbox_id is not null))
                select channel,
                       case when status in ('queued', 'sending') then 'queued'
                            when status = 'cancelled' then 'cancelled'
                            when status = 'failed' or delivery_status in ('failed', 'undelivered', 'needs_template', 'canceled') then 'failed'
                            when delivery_status = 'read' then 'read'
                            when delivery_status = 'delivered' then 'delivered'
                            else 'sent' end as state,
                       case when status = 'failed' or delivery_status in ('failed', 'undelivered', 'needs_template', 'canceled')
                                 then coalesce(failure_reason, 'refused')
                            when status in ('queued', 'sending') then failure_reason end as reason,
                       count(*), min(next_attempt_at)
                from msgs group by 1, 2, 3 order by 1, 2, 3""";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.setLong(2, id);
            List<DeliveryRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DeliveryRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the wave's delivery", e);
        }
    }

    /** Whether wave {@code id} exists. */
    boolean exists(long id) {
        try (Connection c = ds.getConnection()) {
            return single(c, "select cast(id as text) from waves where id = ?", id).isPresent();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the wave", e);
        }
    }

    /** The wave's status, its row locked for the transaction; empty when there is no such wave. */
    Optional<String> lockStatus(Connection c, long id) throws SQLException {
        return single(c, "select status from waves where id = ? for update", id);
    }

    void close(Connection c, long id, Instant now) throws SQLException {
        Jdbc.update(c, "update waves set status = 'closed', closed_at = ? where id = ?", now, id);
    }

    /** Closed waves whose queued messages are not cancelled yet. */
    List<Long> closedNotCancelled(Connection c) throws SQLException {
        return longs(c, "select id from waves where status = 'closed' and cancelled_at is null");
    }

    /** The wave's invitations and reminders still queued, oldest first. */
    List<Long> queuedMessages(Connection c, long id) throws SQLException {
        return longs(c, """
                select o.id from outbox o
                where o.status = 'queued'
                  and o.id in (select invite_outbox_id from wave_members where wave_id = ? and invite_outbox_id is not null
                               union all
                               select outbox_id from panel_contacts where wave_id = ? and outbox_id is not null)
                order by o.id""", id, id);
    }

    /** The wave's queued messages are cancelled: no reminder follows, the wave is done. */
    void markCancelled(Connection c, long id, Instant now) throws SQLException {
        Jdbc.update(c, "update wave_members set next_reminder_at = null where wave_id = ? and next_reminder_at is not null", id);
        Jdbc.update(c, "update waves set cancelled_at = ? where id = ?", now, id);
    }

    /** A Telegram member's invitation token: the member, the language, the token and whether it was used. */
    record LinkRow(String memberId, String language, String token, boolean used) {
    }

    List<LinkRow> links(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select r.member_id, wm.language, wm.invitation_token, i.used_at
                from wave_members wm join respondents r on r.id = wm.respondent_id join invitations i on i.token = wm.invitation_token
                where wm.wave_id = ? order by r.member_id""")) {
            ps.setLong(1, id);
            List<LinkRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LinkRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4) != null));
                }
            }
            return out;
        }
    }

    boolean feedbackSent(Connection c, long id) throws SQLException {
        return single(c, "select cast(feedback_sent_at as text) from waves where id = ?", id).isPresent();
    }

    long versionId(Connection c, long id) throws SQLException {
        return Long.parseLong(single(c, "select cast(survey_version_id as text) from waves where id = ?", id).orElseThrow());
    }

    /** Who took part in a wave (answered at least one question) and can be reached, with their language. */
    record FeedbackRecipient(UUID respondentId, String channel, String language, String providerId) {
    }

    List<FeedbackRecipient> feedbackRecipients(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select wm.respondent_id, wm.channel, coalesce(s.language, wm.language, r.preferred_language), ci.provider_id
                from wave_members wm join sessions s on s.id = wm.session_id and s.answered > 0
                join respondents r on r.id = wm.respondent_id and r.opted_out_at is null
                join lateral (select provider_id from channel_identities i where i.respondent_id = wm.respondent_id
                              and i.channel = wm.channel and i.unreachable_at is null order by i.id desc limit 1) ci on true
                where wm.wave_id = ? order by wm.respondent_id""")) {
            ps.setLong(1, id);
            List<FeedbackRecipient> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FeedbackRecipient(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return out;
        }
    }

    /** A feedback message or a reminder queued as outbox row {@code outboxId}, in the contact log. */
    void logContact(Connection c, UUID respondentId, long waveId, String kind, Instant at, long outboxId) throws SQLException {
        Jdbc.update(c, "insert into panel_contacts (respondent_id, wave_id, kind, at, outbox_id) values (?, ?, ?, ?, ?)",
                respondentId, waveId, kind, at, outboxId);
    }

    void markFeedbackSent(Connection c, long id, Instant now) throws SQLException {
        Jdbc.update(c, "update waves set feedback_sent_at = ? where id = ?", now, id);
    }

    // ---- reminders

    /** A member due for a reminder, as read under lock. */
    record Due(long waveId, UUID respondentId, String channel, String language, Instant invitedAt, int[] hours,
               long versionId, String timeZone, boolean optedOut, String providerId, boolean unreachable,
               String sessionStatus, Instant sessionUpdatedAt, String inviteStatus, String inviteDeliveryStatus,
               int recentContacts, LocalTime quietStart, LocalTime quietEnd) {
    }

    /**
     * Up to {@code limit} members of open waves due for a reminder at {@code now}, locked (SKIP LOCKED:
     * instances share the work), with their contacts since {@code contactsSince}.
     */
    List<Due> dueReminders(Connection c, Instant now, Instant contactsSince, int limit) throws SQLException {
        String sql = """
                select wm.wave_id, wm.respondent_id, wm.channel, coalesce(wm.language, r.preferred_language), wm.invited_at,
                       w.reminder_hours, w.survey_version_id, r.time_zone, r.opted_out_at, ci.provider_id, ci.unreachable_at,
                       s.status, s.updated_at, o.status, o.delivery_status,
                       (select count(*) from panel_contacts pc where pc.respondent_id = wm.respondent_id and pc.at > ?
                          and pc.kind <> 'feedback'),
                       w.quiet_start, w.quiet_end
                from wave_members wm join waves w on w.id = wm.wave_id and w.status = 'open'
                join respondents r on r.id = wm.respondent_id
                left join lateral (select provider_id, unreachable_at from channel_identities i where i.respondent_id = wm.respondent_id
                                   and i.channel = wm.channel order by i.id desc limit 1) ci on true
                left join sessions s on s.id = wm.session_id left join outbox o on o.id = wm.invite_outbox_id
                where wm.next_reminder_at <= ? order by wm.next_reminder_at limit ? for update of wm skip locked""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, Jdbc.ts(contactsSince));
            ps.setObject(2, Jdbc.ts(now));
            ps.setInt(3, limit);
            List<Due> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Integer[] h = (Integer[]) rs.getArray(6).getArray();
                    out.add(new Due(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant(), Arrays.stream(h).mapToInt(Integer::intValue).toArray(),
                            rs.getLong(7), rs.getString(8), rs.getObject(9) != null, rs.getString(10), rs.getObject(11) != null,
                            rs.getString(12), rs.getObject(13) == null ? null : rs.getObject(13, OffsetDateTime.class).toInstant(),
                            rs.getString(14), rs.getString(15), rs.getInt(16),
                            rs.getObject(17, LocalTime.class), rs.getObject(18, LocalTime.class)));
                }
            }
            return out;
        }
    }

    /** A reminder went to the member at {@code at}. */
    void reminded(Connection c, long waveId, UUID respondentId, Instant at) throws SQLException {
        Jdbc.update(c, "update wave_members set reminders_sent = reminders_sent + 1, last_reminder_at = ? "
                + "where wave_id = ? and respondent_id = ?", at, waveId, respondentId);
    }

    /** The member's next reminder slot; null: none follows. */
    void nextReminder(Connection c, long waveId, UUID respondentId, Instant next) throws SQLException {
        Jdbc.update(c, "update wave_members set next_reminder_at = ? where wave_id = ? and respondent_id = ?", next, waveId, respondentId);
    }

    // ---- the conversation's side

    /** Records that the member's session in the wave is {@code sessionId} (the newest one counts). */
    void attach(Connection c, long waveId, UUID respondentId, UUID sessionId) throws SQLException {
        Jdbc.update(c, "update wave_members set session_id = ? where wave_id = ? and respondent_id = ?", sessionId, waveId, respondentId);
    }

    private static Optional<String> single(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static List<Long> longs(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        }
    }
}
