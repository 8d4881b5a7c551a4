package nl.stem.panel.wave;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import nl.stem.db.Ids;
import nl.stem.api.StemException;
import nl.stem.audit.AuditEntry;
import nl.stem.channel.telegram.TelegramConfig;
import nl.stem.channel.whatsapp.TwilioConfig;
import nl.stem.engine.UiTexts;
import nl.stem.outbox.OutboxMessage;
import nl.stem.outbox.OutboxQueued;
import nl.stem.panel.PanelConfig;
import nl.stem.panel.QuietHours;
import nl.stem.survey.PublishedSurvey;
import nl.stem.survey.SurveyCatalog;
import nl.stem.worker.Jdbc;

/**
 * Launching a wave: choose the members, leave out those who opted out, cannot be reached or were
 * contacted too often lately, and queue every invitation in one transaction. Launching only
 * enqueues (set-based, in seconds for 100,000 members); the outbox sender drains the queue at the
 * providers' rate limits, each member's invitation not before the end of their quiet hours.
 */
@ApplicationScoped
public class Waves {
    private static final Logger LOG = Logger.getLogger(Waves.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Waves this large refresh the planner's statistics of the tables they fill. */
    private static final int ANALYZE_AFTER = 10_000;
    private static final String MEMBER_ID = "[A-Za-z0-9._-]{1,64}";

    @Inject
    DataSource ds;
    @Inject
    SurveyCatalog catalog;
    @Inject
    PanelConfig config;
    @Inject
    TelegramConfig telegram;
    @Inject
    TwilioConfig twilio;
    @Inject
    UiTexts ui;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    Event<OutboxQueued> outboxQueued;

    /** How far ahead a wave may be planned. */
    static final Duration MAX_INVITE_AHEAD = Duration.ofDays(366);

    @Transactional
    public LaunchReport launch(WaveRequest request, String actor) {
        Instant now = clock.instant();
        validate(request);
        if (request.inviteAt() != null && request.inviteAt().isAfter(now.plus(MAX_INVITE_AHEAD))) {
            // Also keeps the invitation and its reminders inside PostgreSQL's timestamp range.
            throw new StemException(400, "bad_invite_at", "inviteAt is at most " + MAX_INVITE_AHEAD.toDays() + " days ahead");
        }
        PublishedSurvey survey = survey(request.survey());
        long started = System.nanoTime();
        Instant inviteAt = request.inviteAt() == null || request.inviteAt().isBefore(now) ? now : request.inviteAt();
        try (Connection c = ds.getConnection()) {
            Optional<Long> earlier = launched(c, request.idempotencyKey());
            if (earlier.isPresent()) {
                return LaunchReport.again(earlier.get());
            }
            Selection selection = select(c, request, inviteAt);
            List<Candidate> invited = selection.invited();
            Map<String, Integer> excluded = selection.excluded();
            if (invited.isEmpty()) {
                throw new StemException(422, "no_reachable_member", "No member of this selection can be invited: "
                        + (excluded.isEmpty() ? "the selection is empty" : "left out " + excluded));
            }
            boolean needLinks = invited.stream().anyMatch(m -> m.providerId() == null);
            if (needLinks && telegram.botUsername().filter(b -> !b.isBlank()).isEmpty()) {
                throw new StemException(409, "telegram_bot_username_missing",
                        "Set stem.telegram.bot-username: some Telegram members need an invitation link");
            }
            long selected = System.nanoTime();
            Optional<Long> inserted = insertWave(c, request, survey, inviteAt, actor, now);
            if (inserted.isEmpty()) {
                // The same key at the same moment: the other request made the wave (its transaction has committed).
                return LaunchReport.again(launched(c, request.idempotencyKey()).orElseThrow());
            }
            long waveId = inserted.get();
            int messages = enqueue(c, waveId, request, survey, invited, inviteAt,
                    request.reminderHours() == null ? List.of() : request.reminderHours(), now);
            AuditEntry.record(now, actor, "wave.launch", "wave:" + waveId, toJson(Map.of(
                    "survey", survey.surveyId(), "version", survey.version().version(),
                    "invited", invited.size(), "excluded", excluded)));
            outboxQueued.fire(new OutboxQueued("telegram"));
            outboxQueued.fire(new OutboxQueued("whatsapp"));
            LOG.infof("Wave %d launched: %d invited (%d messages), %s left out; members chosen in %d ms, queued in %d ms",
                    waveId, invited.size(), messages, excluded, (selected - started) / 1_000_000, (System.nanoTime() - selected) / 1_000_000);
            return new LaunchReport(waveId, invited.size(), messages, invited.size() - messages, excluded);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not launch the wave", e);
        }
    }

    /**
     * Who a launch would invite, and who it would leave out and why, without launching: the same
     * selection and the same rules. Example: {@code preview(request)} before the coordinator confirms.
     */
    @Transactional
    public LaunchPreview preview(WaveRequest request) {
        Instant now = clock.instant();
        validate(request);
        survey(request.survey());
        Instant inviteAt = request.inviteAt() == null || request.inviteAt().isBefore(now) ? now : request.inviteAt();
        try (Connection c = ds.getConnection()) {
            Selection selection = select(c, request, inviteAt);
            Map<String, Integer> byChannel = new java.util.TreeMap<>();
            int links = 0;
            for (Candidate m : selection.invited()) {
                byChannel.merge(m.channel(), 1, Integer::sum);
                if (m.providerId() == null) {
                    links++;
                }
            }
            return new LaunchPreview(selection.invited().size(), byChannel, links, selection.excluded());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not preview the wave", e);
        }
    }

    /** The members a launch invites, and the reasons the others are left out, counted. */
    private record Selection(List<Candidate> invited, Map<String, Integer> excluded) {
    }

    private Selection select(Connection c, WaveRequest request, Instant inviteAt) throws SQLException {
        Set<String> configured = configuredChannels();
        Map<String, Integer> excluded = new LinkedHashMap<>();
        List<Candidate> invited = new ArrayList<>();
        for (Candidate m : candidates(c, request, inviteAt)) {
            String reason = m.exclusion(config.maxContacts(), configured);
            if (reason == null) {
                invited.add(m);
            } else {
                excluded.merge(reason, 1, Integer::sum);
            }
        }
        return new Selection(invited, excluded);
    }

    /** The wave a launch with this idempotency key made, if any. */
    private static Optional<Long> launched(Connection c, String key) throws SQLException {
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

    private void validate(WaveRequest r) {
        if (r == null) {
            throw new StemException(400, "missing_body", "Send the wave as JSON");
        }
        if (r.name() == null || r.name().isBlank() || r.name().length() > 200) {
            throw new StemException(400, "bad_name", "name is required, at most 200 characters");
        }
        if (r.survey() == null || r.survey().isBlank()) {
            throw new StemException(400, "missing_survey", "survey (the survey id) is required");
        }
        List<Integer> hours = r.reminderHours() == null ? List.of() : r.reminderHours();
        if (hours.size() > config.maxReminders()) {
            throw new StemException(400, "too_many_reminders", "At most " + config.maxReminders() + " reminders");
        }
        int previous = 0;
        for (Integer h : hours) {
            if (h == null || h <= previous || h > 24 * 90) {
                throw new StemException(400, "bad_reminder_hours",
                        "reminderHours must be increasing whole hours after the invitation, between 1 and 2160");
            }
            previous = h;
        }
        if (r.members() != null) {
            for (String id : r.members()) {
                if (id == null || !id.matches(MEMBER_ID)) {
                    throw new StemException(400, "bad_member_id", "Member ids are 1-64 characters of A-Za-z0-9._-");
                }
            }
        }
        if (r.idempotencyKey() != null && !r.idempotencyKey().matches("[A-Za-z0-9_-]{8,64}")) {
            throw new StemException(400, "bad_idempotency_key", "idempotencyKey is 8-64 characters of A-Za-z0-9_-");
        }
        if (r.filter() != null && r.filter().channel() != null && !Set.of("telegram", "whatsapp").contains(r.filter().channel())) {
            throw new StemException(400, "bad_channel", "filter.channel is telegram or whatsapp");
        }
    }

    /** The channels this installation can send on (their credentials are set). */
    private Set<String> configuredChannels() {
        Set<String> channels = new HashSet<>();
        if (telegram.enabled()) {
            channels.add("telegram");
        }
        if (twilio.canSend()) {
            channels.add("whatsapp");
        }
        return channels;
    }

    private PublishedSurvey survey(String id) {
        if (catalog.isRetired(id)) {
            throw new StemException(409, "survey_retired", "Survey " + id + " is retired; publish it again to start a wave");
        }
        return catalog.latest(id).orElseThrow(() -> new StemException(422, "unknown_survey", "No survey " + id + " is published"));
    }


    private List<Candidate> candidates(Connection c, WaveRequest r, Instant inviteAt) throws SQLException {
        WaveRequest.Filter f = r.filter() == null ? new WaveRequest.Filter(null, null, null) : r.filter();
        // Hash joins, not per-member subqueries: the plan stays good for 100,000 members even before
        // the statistics of a fresh import are gathered. A member with two identities on their
        // channel appears twice; the newest identity is kept below.
        String sql = "select r.id, r.member_id, r.channel, r.preferred_language, r.time_zone, r.opted_out_at, ci.provider_id, "
                + "ci.unreachable_at, coalesce(pc.n, 0) from respondents r "
                + "left join channel_identities ci on ci.respondent_id = r.id and ci.channel = r.channel "
                + "left join (select respondent_id, count(*) n from panel_contacts where at > ? and kind <> 'feedback' "
                + "group by respondent_id) pc on pc.respondent_id = r.id "
                + "where r.member_id is not null and r.channel is not null and (cast(? as text) is null or r.channel = ?) "
                + "and (cast(? as text) is null or r.preferred_language = ?) and r.attributes @> cast(? as jsonb) "
                + "and (cast(? as text[]) is null or r.member_id = any(cast(? as text[]))) order by r.member_id, ci.id desc";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, Jdbc.ts(inviteAt.minus(config.contactWindow())));
            ps.setString(2, f.channel());
            ps.setString(3, f.channel());
            ps.setString(4, f.language());
            ps.setString(5, f.language());
            ps.setString(6, toJson(f.attributes() == null ? Map.of() : f.attributes()));
            java.sql.Array ids = r.members() == null ? null : c.createArrayOf("text", r.members().toArray());
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
            if (r.members() != null) {
                Set<String> unknown = new TreeSet<>(r.members());
                out.forEach(m -> unknown.remove(m.memberId()));
                if (!unknown.isEmpty()) {
                    throw new StemException(422, "unknown_members", "Unknown member ids: " + String.join(", ", unknown));
                }
            }
            return out;
        }
    }

    /** The new wave's id; empty when a wave with the request's idempotency key exists already. */
    private Optional<Long> insertWave(Connection c, WaveRequest r, PublishedSurvey survey, Instant inviteAt, String actor, Instant now)
            throws SQLException {
        QuietHours quiet = quietHours(r);
        try (PreparedStatement ps = c.prepareStatement("insert into waves (name, survey_version_id, invite_at, reminder_hours, created_by, "
                + "created_at, quiet_start, quiet_end, idempotency_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (idempotency_key) do nothing returning id")) {
            ps.setString(9, r.idempotencyKey());
            ps.setObject(7, quiet.start());
            ps.setObject(8, quiet.end());
            ps.setString(1, r.name().strip());
            ps.setLong(2, survey.versionId());
            ps.setObject(3, Jdbc.ts(inviteAt));
            ps.setArray(4, c.createArrayOf("int4", (r.reminderHours() == null ? List.<Integer>of() : r.reminderHours()).toArray()));
            ps.setString(5, actor);
            ps.setObject(6, Jdbc.ts(now));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** The wave's quiet hours, else the configured ones. */
    QuietHours quietHours(WaveRequest r) {
        return r.quietHours() != null && r.quietHours().start() != null && r.quietHours().end() != null
                ? new QuietHours(r.quietHours().start(), r.quietHours().end())
                : new QuietHours(config.quietHours().start(), config.quietHours().end());
    }

    /**
     * Plans each member's invitation in Java (language, text, quiet hours), copies the plan into a
     * temporary table with COPY, and writes invitations, outbox rows, wave members and contacts from
     * it in four set-based statements. Returns the number of messages queued.
     */
    private int enqueue(Connection c, long waveId, WaveRequest request, PublishedSurvey survey, List<Candidate> members, Instant inviteAt,
                        List<Integer> reminderHours, Instant now) throws SQLException {
        QuietHours quiet = quietHours(request);
        PanelMessages texts = new PanelMessages(ui);
        Map<String, Integer> payloadKeys = new HashMap<>();
        Map<Integer, String> bodies = new HashMap<>();
        Map<String, java.util.Optional<String>> languages = new HashMap<>();
        StringBuilder plan = new StringBuilder(members.size() * 160);
        int messages = 0;
        for (Candidate m : members) {
            String language = m.language() == null ? null
                    : languages.computeIfAbsent(m.language(), l -> java.util.Optional.ofNullable(surveyLanguage(survey, l))).orElse(null);
            boolean link = m.providerId() == null;
            Instant invitedAt = link ? inviteAt : quiet.nextAllowed(inviteAt, zone(m.timeZone()));
            Integer payload = null;
            if (!link) {
                messages++;
                String textLanguage = language == null ? m.language() : language;
                payload = payloadKeys.computeIfAbsent(m.channel() + "/" + textLanguage, k -> payloadKeys.size());
                bodies.computeIfAbsent(payload, k -> toJson(texts.invitation(survey.version(), textLanguage, m.channel())));
            }
            Instant reminder = reminderHours.isEmpty() ? null : invitedAt.plus(Duration.ofHours(reminderHours.get(0)));
            Copy.row(plan, m.respondentId(), m.channel(), m.providerId(), language, link ? newToken() : null, payload, invitedAt,
                    link ? null : Ids.uuid(), reminder);
        }
        Jdbc.update(c, "create temporary table wave_plan (respondent_id uuid, channel text, recipient text, language text, token text, "
                + "payload int, invited_at timestamptz, outbox_key uuid, reminder_at timestamptz) on commit drop");
        Jdbc.update(c, "create temporary table wave_payloads (payload int, body jsonb) on commit drop");
        Copy.in(c, "wave_plan", plan);
        StringBuilder payloads = new StringBuilder();
        bodies.forEach((key, body) -> Copy.row(payloads, key, body));
        Copy.in(c, "wave_payloads", payloads);
        Jdbc.update(c, "insert into invitations (token, respondent_id, survey_id, language, channel, created_at) "
                + "select token, respondent_id, ?, language, 'telegram', ? from wave_plan where token is not null", survey.surveyId(), now);
        Jdbc.update(c, "insert into outbox (channel, respondent_id, recipient, priority, payload, status, next_attempt_at, idempotency_key, "
                + "created_at) select p.channel, p.respondent_id, p.recipient, ?, b.body, 'queued', p.invited_at, p.outbox_key, ? "
                + "from wave_plan p join wave_payloads b on b.payload = p.payload", OutboxMessage.PRIORITY_BULK, now);
        Jdbc.update(c, "insert into wave_members (wave_id, respondent_id, channel, language, invitation_token, invite_outbox_id, invited_at, "
                + "next_reminder_at) select ?, p.respondent_id, p.channel, p.language, p.token, o.id, p.invited_at, p.reminder_at "
                + "from wave_plan p left join outbox o on o.idempotency_key = p.outbox_key", waveId);
        Jdbc.update(c, "insert into panel_contacts (respondent_id, wave_id, kind, at) "
                + "select respondent_id, ?, 'invitation', invited_at from wave_plan", waveId);
        if (members.size() >= ANALYZE_AFTER) {
            // So the sender's claim plans for a queue this size now, not when autovacuum gets to it.
            Jdbc.update(c, "analyze outbox");
            Jdbc.update(c, "analyze wave_members");
        }
        return messages;
    }

    /** The member's language if the survey has it (or a close match), else null: they choose. */
    private static String surveyLanguage(PublishedSurvey survey, String preferred) {
        if (preferred == null) {
            return null;
        }
        return nl.stem.language.Languages.match(preferred, survey.version().survey().languages())
                .filter(l -> survey.version().survey().languages().contains(l)).orElse(null);
    }

    ZoneId zone(String timeZone) {
        if (timeZone != null) {
            try {
                return ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                // An imported zone is validated; an unreadable one falls back to the default.
            }
        }
        return config.defaultTimeZone();
    }

    static String newToken() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
