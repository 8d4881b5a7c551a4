package nl.stem.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.media.MediaFiles;
import nl.stem.panel.member.Erasure;
import nl.stem.worker.Jdbc;

/**
 * The retention schedule (docs/data-protection.md): deletes, in batches, what Stem no longer needs,
 * and audits each deletion (actor {@code retention}, subject the respondent's pseudonym). Pseudonymous
 * answers stay, so exports and results give the same figures afterwards.
 * <ul>
 * <li>{@code media}: files of sessions that ended more than {@code media-months} ago (media without an
 * answer: created that long ago). The row stays as {@code expired}, without file, hash or provider
 * reference, so answers keep their media count.</li>
 * <li>{@code identities}: phone numbers and chat ids of respondents without contact (a message from
 * them, their enrolment) for {@code identity-months} and in no open wave, or who left the panel
 * {@code opted-out-months} ago. Messages sent to them lose the address.</li>
 * <li>{@code session_state}: free text and media references in the raw state of sessions that ended
 * {@code session-state-months} ago (the answers table keeps the answers).</li>
 * <li>{@code messages}: the text of sent, failed or cancelled outbox messages after {@code message-days};
 * {@code inbound_ids}: provider message ids kept to spot repeated deliveries, after as long.</li>
 * <li>{@code preview}: respondents of the public preview, erased entirely {@code preview-days} after
 * their last preview session started.</li>
 * </ul>
 * Safe with several instances on one database: the daily run claims its day in {@code retention_runs},
 * and every batch takes its rows {@code FOR UPDATE SKIP LOCKED}. Example: {@code retention.dryRun(now)}
 * (what {@code GET /api/retention} shows), {@code retention.run(now)}.
 */
@ApplicationScoped
public class Retention {
    private static final Logger LOG = Logger.getLogger(Retention.class);
    static final String ACTOR = Erasure.RETENTION;
    private static final String ENDED = "s.status in ('completed', 'stopped', 'refused', 'expired')";

    /** Media rows whose file may go: (media cut-off, media cut-off). */
    private static final String DUE_MEDIA = """
            select m.id, m.sha256, m.respondent_id from media_objects m
            where m.expired_at is null and m.created_at < ?
              and not exists (select 1 from answers a join sessions s on s.id = a.session_id
                              where a.media_id = m.id and (not (%s) or coalesce(s.completed_at, s.updated_at) >= ?))"""
            .formatted(ENDED);
    /** Identities that may go: (opted-out cut-off, opted-out cut-off, inactive cut-off). */
    private static final String DUE_IDENTITIES = """
            select ci.id, ci.respondent_id, ci.channel, ci.provider_id,
                   case when r.opted_out_at < ? then 'opted_out' else 'inactive' end as reason
            from channel_identities ci join respondents r on r.id = ci.respondent_id
            where ci.channel <> 'preview'
              and (r.opted_out_at < ?
                   or greatest(ci.created_at, ci.last_inbound_at, r.enrolled_at,
                               (select max(s.updated_at) from sessions s where s.respondent_id = r.id)) < ?
                      and not exists (select 1 from wave_members wm join waves w on w.id = wm.wave_id
                                      where wm.respondent_id = r.id and w.status = 'open'))""";
    /** Sessions whose raw state may be cut down: (cut-off). */
    private static final String DUE_STATES = """
            select s.id, s.respondent_id from sessions s
            where s.state_purged_at is null and %s and coalesce(s.completed_at, s.updated_at) < ?""".formatted(ENDED);
    /** Outbox rows whose text may go: (cut-off). */
    private static final String DUE_MESSAGES = """
            select o.id, o.respondent_id from outbox o
            where o.status in ('sent', 'failed', 'cancelled') and coalesce(o.sent_at, o.created_at) < ?
              and coalesce(o.payload ->> 'text', '') <> ''""";
    /** Provider message ids that may go: (cut-off). */
    private static final String DUE_INBOUND = """
            select i.channel, i.provider_message_id from inbound_messages i where i.received_at < ?""";
    /** Preview respondents to erase: those whose every session is a preview one started before (cut-off). */
    private static final String DUE_PREVIEW = """
            select r.id from respondents r
            where exists (select 1 from sessions s where s.respondent_id = r.id and s.preview)
              and not exists (select 1 from sessions s where s.respondent_id = r.id and (not s.preview or s.started_at >= ?))""";

    @Inject
    DataSource ds;
    @Inject
    RetentionConfig config;
    @Inject
    MediaFiles files;
    @Inject
    Erasure erasure;
    @Inject
    Clock clock;

    /** Daily, at {@code stem.retention.cron}, on instances where {@code stem.retention.enabled}. */
    @Scheduled(identity = "stem-retention", cron = "${stem.retention.cron:0 30 3 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        if (!config.enabled()) {
            return;
        }
        try {
            runDaily(clock.instant());
        } catch (RuntimeException e) {
            LOG.errorf("Retention run failed: %s", e.getClass().getSimpleName());
        }
    }

    /**
     * Runs the schedule once for the day of {@code now} (UTC): the first instance to claim the day
     * runs it, others find it claimed and return empty.
     */
    public Optional<RetentionReport> runDaily(Instant now) {
        LocalDate day = now.atOffset(ZoneOffset.UTC).toLocalDate();
        boolean claimed = sql(c -> Jdbc.update(c, "insert into retention_runs (day, started_at) values (?, ?) on conflict do nothing",
                day, Jdbc.ts(now)) == 1);
        if (!claimed) {
            return Optional.empty();
        }
        RetentionReport report = run(now);
        StringBuilder deleted = new StringBuilder("{");
        for (RetentionReport.Category c : report.categories()) {
            deleted.append(deleted.length() > 1 ? "," : "").append('"').append(c.name()).append("\":").append(c.count());
        }
        String json = deleted.append('}').toString();
        sql(c -> Jdbc.update(c, "update retention_runs set finished_at = ?, deleted = cast(? as jsonb) where day = ?",
                Jdbc.ts(clock.instant()), json, day));
        return Optional.of(report);
    }

    /** What a run at {@code now} would delete, counted; nothing is changed. */
    public RetentionReport dryRun(Instant now) {
        Cutoffs t = cutoffs(now);
        return sql(c -> report(now, true, t,
                count(c, DUE_MEDIA, t.media, t.media),
                count(c, DUE_IDENTITIES, t.optedOut, t.optedOut, t.inactive),
                count(c, DUE_STATES, t.state),
                count(c, DUE_MESSAGES, t.messages),
                count(c, DUE_INBOUND, t.messages),
                count(c, DUE_PREVIEW, t.preview)));
    }

    /** Deletes everything due at {@code now}, batch after batch, and says how much went. */
    public RetentionReport run(Instant now) {
        Cutoffs t = cutoffs(now);
        long media = 0;
        long identities = 0;
        long states = 0;
        long messages = 0;
        long inbound = 0;
        long preview = 0;
        for (int n; (n = expireMedia(now, t)) > 0; ) {
            media += n;
        }
        for (int n; (n = sql(c -> deleteIdentities(c, now, t))) > 0; ) {
            identities += n;
        }
        for (int n; (n = sql(c -> purgeStates(c, now, t))) > 0; ) {
            states += n;
        }
        for (int n; (n = sql(c -> purgeMessages(c, now, t))) > 0; ) {
            messages += n;
        }
        for (int n; (n = sql(c -> Jdbc.update(c, """
                delete from inbound_messages i using (%s limit ? for update skip locked) due
                where i.channel = due.channel and i.provider_message_id = due.provider_message_id""".formatted(DUE_INBOUND),
                Jdbc.ts(t.messages), config.batchSize()))) > 0; ) {
            inbound += n;
        }
        for (List<UUID> due; !(due = sql(c -> uuids(c, DUE_PREVIEW + " limit ?", Jdbc.ts(t.preview), config.batchSize()))).isEmpty(); ) {
            int erased = 0;
            for (UUID id : due) {
                if (QuarkusTransaction.requiringNew().call(() -> erasure.erase(id, ACTOR, now))) {
                    erased++;
                }
            }
            preview += erased;
            if (erased == 0) {
                break; // another instance erased them meanwhile
            }
        }
        if (inbound > 0) {
            long gone = inbound;
            sql(c -> audit(c, now, "retention.inbound_ids", null, "{\"ids\":" + gone + "}"));
        }
        RetentionReport report = report(now, false, t, media, identities, states, messages, inbound, preview);
        LOG.infof("Retention: %d media files, %d channel identities, %d session states, %d message texts, %d inbound ids,"
                + " %d preview respondents", media, identities, states, messages, inbound, preview);
        return report;
    }

    // ---- one batch of each ---------------------------------------------------------------

    /** One batch of media: rows expired (committed), then the files no row refers to any more. */
    private int expireMedia(Instant now, Cutoffs t) {
        List<String> hashes = new ArrayList<>();
        int n = sql(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    with due as (%s order by m.created_at limit ? for update of m skip locked),
                    gone as (update media_objects m
                             set status = 'expired', sha256 = null, provider_ref = null, last_error = null, expired_at = ?
                             from due where m.id = due.id
                             returning due.sha256, m.respondent_id),
                    audited as (insert into audit_log (at, actor, action, subject, details)
                                select ?, '%s', 'retention.media', r.pseudonym, jsonb_build_object('files', count(*))
                                from gone g join respondents r on r.id = g.respondent_id group by r.pseudonym)
                    select sha256 from gone""".formatted(DUE_MEDIA, ACTOR))) {
                bind(ps, Jdbc.ts(t.media), Jdbc.ts(t.media), config.batchSize(), Jdbc.ts(now), Jdbc.ts(now));
                int rows = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        if (rs.getString(1) != null) {
                            hashes.add(rs.getString(1));
                        }
                    }
                }
                return rows;
            }
        });
        // Content addressing: a file another (kept) media row still has stays; checked again under the
        // content's lock, since another instance may be storing the same content right now.
        files.deleteUnreferenced(hashes);
        return n;
    }

    private int deleteIdentities(Connection c, Instant now, Cutoffs t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                with due as (%s order by ci.id limit ? for update of ci skip locked),
                addressed as (update outbox o
                              set recipient = 'expired', status = case when o.status = 'queued' then 'cancelled' else o.status end
                              from due where o.channel = due.channel and o.recipient = due.provider_id),
                gone as (delete from channel_identities ci using due where ci.id = due.id
                         returning due.respondent_id, due.channel, due.reason),
                audited as (insert into audit_log (at, actor, action, subject, details)
                            select ?, '%s', 'retention.identity', r.pseudonym,
                                   jsonb_build_object('channel', g.channel, 'reason', g.reason)
                            from gone g join respondents r on r.id = g.respondent_id)
                select count(*) from gone""".formatted(DUE_IDENTITIES, ACTOR))) {
            bind(ps, Jdbc.ts(t.optedOut), Jdbc.ts(t.optedOut), Jdbc.ts(t.inactive), config.batchSize(), Jdbc.ts(now));
            return single(ps);
        }
    }

    private int purgeStates(Connection c, Instant now, Cutoffs t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                with due as (%s order by s.id limit ? for update of s skip locked),
                gone as (update sessions s
                         set state = case when s.state -> 'answers' is null then s.state
                                          else jsonb_set(s.state, '{answers}', coalesce((select jsonb_object_agg(e.key, wave_answer_value(e.value))
                                                                                          from jsonb_each(s.state -> 'answers') e), '{}'::jsonb)) end,
                             state_purged_at = ?
                         from due where s.id = due.id
                         returning s.respondent_id),
                audited as (insert into audit_log (at, actor, action, subject, details)
                            select ?, '%s', 'retention.session_state', r.pseudonym, jsonb_build_object('sessions', count(*))
                            from gone g join respondents r on r.id = g.respondent_id group by r.pseudonym)
                select count(*) from gone""".formatted(DUE_STATES, ACTOR))) {
            bind(ps, Jdbc.ts(t.state), config.batchSize(), Jdbc.ts(now), Jdbc.ts(now));
            return single(ps);
        }
    }

    private int purgeMessages(Connection c, Instant now, Cutoffs t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                with due as (%s order by o.id limit ? for update of o skip locked),
                gone as (update outbox o set payload = o.payload || '{"text": "", "buttons": []}'::jsonb
                         from due where o.id = due.id returning o.respondent_id),
                audited as (insert into audit_log (at, actor, action, subject, details)
                            select ?, '%s', 'retention.messages', r.pseudonym, jsonb_build_object('messages', count(*))
                            from gone g left join respondents r on r.id = g.respondent_id group by r.pseudonym)
                select count(*) from gone""".formatted(DUE_MESSAGES, ACTOR))) {
            bind(ps, Jdbc.ts(t.messages), config.batchSize(), Jdbc.ts(now));
            return single(ps);
        }
    }

    // ---- plumbing ------------------------------------------------------------------------

    /** The cut-offs at {@code now}: what ended (or was last in contact) before them is due. */
    record Cutoffs(Instant media, Instant inactive, Instant optedOut, Instant state, Instant messages, Instant preview) {
    }

    Cutoffs cutoffs(Instant now) {
        var utc = now.atOffset(ZoneOffset.UTC);
        return new Cutoffs(utc.minusMonths(config.mediaMonths()).toInstant(), utc.minusMonths(config.identityMonths()).toInstant(),
                utc.minusMonths(config.optedOutMonths()).toInstant(), utc.minusMonths(config.sessionStateMonths()).toInstant(),
                now.minus(config.messageDays(), ChronoUnit.DAYS), now.minus(config.previewDays(), ChronoUnit.DAYS));
    }

    private RetentionReport report(Instant now, boolean dryRun, Cutoffs t, long media, long identities, long states,
                                   long messages, long inbound, long preview) {
        return new RetentionReport(now, dryRun, List.of(
                new RetentionReport.Category("media", "media files " + config.mediaMonths() + " months after their session ended",
                        t.media, media),
                new RetentionReport.Category("identities", "phone numbers and chat ids after " + config.identityMonths()
                        + " months without contact, or " + config.optedOutMonths() + " months after leaving the panel",
                        t.inactive, identities),
                new RetentionReport.Category("session_state", "free text in sessions' raw state " + config.sessionStateMonths()
                        + " months after they ended", t.state, states),
                new RetentionReport.Category("messages", "texts of sent messages after " + config.messageDays() + " days",
                        t.messages, messages),
                new RetentionReport.Category("inbound_ids", "provider message ids after " + config.messageDays() + " days",
                        t.messages, inbound),
                new RetentionReport.Category("preview", "preview respondents (/try) " + config.previewDays()
                        + " days after their last preview session started", t.preview, preview)));
    }

    private static int audit(Connection c, Instant now, String action, String subject, String details) throws SQLException {
        return Jdbc.update(c, "insert into audit_log (at, actor, action, subject, details) values (?, ?, ?, ?, cast(? as jsonb))",
                Jdbc.ts(now), ACTOR, action, subject, details);
    }

    private static long count(Connection c, String due, Instant... cutoffs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from (" + due + ") due")) {
            Object[] params = new Object[cutoffs.length];
            for (int i = 0; i < cutoffs.length; i++) {
                params[i] = Jdbc.ts(cutoffs[i]);
            }
            bind(ps, params);
            return single(ps);
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    private static int single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<UUID> uuids(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            List<UUID> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
            return out;
        }
    }

    private <T> T sql(Jdbc.Work<T> work) {
        try {
            return Jdbc.inTransaction(ds, work);
        } catch (SQLException e) {
            throw new IllegalStateException("Retention statement failed (SQLState " + e.getSQLState() + ")", e);
        }
    }
}
