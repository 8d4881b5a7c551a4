package nl.stem.panel.wave;

import java.security.SecureRandom;
import java.sql.Connection;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.audit.AuditEntry;
import nl.stem.engine.UiTexts;
import nl.stem.identity.Channel;
import nl.stem.outbox.ConfiguredChannels;
import nl.stem.outbox.NewMessage;
import nl.stem.outbox.OutboxMessage;
import nl.stem.outbox.OutboxQueued;
import nl.stem.outbox.OutboxStore;
import nl.stem.panel.PanelConfig;
import nl.stem.panel.QuietHours;
import nl.stem.survey.PublishedSurvey;
import nl.stem.survey.SurveyCatalog;

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

    private final DataSource ds;
    private final SurveyCatalog catalog;
    private final PanelConfig config;
    private final InvitationLinks links;
    private final ConfiguredChannels channels;
    private final UiTexts ui;
    private final ObjectMapper json;
    private final Clock clock;
    private final Event<OutboxQueued> outboxQueued;
    private final WaveStore store;
    private final OutboxStore outbox;

    Waves(DataSource ds, SurveyCatalog catalog, PanelConfig config, InvitationLinks links, ConfiguredChannels channels,
            UiTexts ui, ObjectMapper json, Clock clock, Event<OutboxQueued> outboxQueued, WaveStore store, OutboxStore outbox) {
        this.ds = ds;
        this.catalog = catalog;
        this.config = config;
        this.links = links;
        this.channels = channels;
        this.ui = ui;
        this.json = json;
        this.clock = clock;
        this.outboxQueued = outboxQueued;
        this.store = store;
        this.outbox = outbox;
    }

    /** How far ahead a wave may be planned. */
    static final Duration MAX_INVITE_AHEAD = Duration.ofDays(366);

    @Transactional
    public LaunchReport launch(WaveRequest request, String actor) {
        Instant now = clock.instant();
        validate(request);
        PublishedSurvey survey = survey(request.survey());
        long started = System.nanoTime();
        Instant inviteAt = inviteAt(request, now);
        try (Connection c = ds.getConnection()) {
            Optional<Long> earlier = store.launched(c, request.idempotencyKey());
            if (earlier.isPresent()) {
                return LaunchReport.again(earlier.get());
            }
            Selection selection = select(c, request, inviteAt);
            List<Candidate> invited = selection.invited();
            Map<String, Integer> excluded = selection.excluded();
            if (invited.isEmpty()) {
                throw new StemException(ErrorCode.NO_REACHABLE_MEMBER, "No member of this selection can be invited: "
                        + (excluded.isEmpty() ? "the selection is empty" : describe(selection)));
            }
            refuseMissingTemplates(invited);
            boolean needLinks = invited.stream().anyMatch(m -> m.providerId() == null);
            if (needLinks && !links.available()) {
                throw new StemException(ErrorCode.TELEGRAM_BOT_USERNAME_MISSING,
                        "Set stem.telegram.bot-username: some Telegram members need an invitation link");
            }
            long selected = System.nanoTime();
            Optional<Long> inserted = store.insertWave(c, request.name().strip(), survey.versionId(), inviteAt,
                    request.reminderHours() == null ? List.of() : request.reminderHours(), quietHours(request), request.idempotencyKey(),
                    actor, now);
            if (inserted.isEmpty()) {
                // The same key at the same moment: the other request made the wave (its transaction has committed).
                return LaunchReport.again(store.launched(c, request.idempotencyKey()).orElseThrow());
            }
            long waveId = inserted.get();
            Plan plan = plan(request, survey, invited, inviteAt);
            List<OutboxStore.Queued> queued = outbox.enqueuePlanned(c, plan.messages(), now);
            Instant last = store(c, waveId, survey, plan, queued, request.reminderHours() == null ? List.of() : request.reminderHours(),
                    invited.size(), now);
            int messages = plan.messages().size();
            AuditEntry.record(now, actor, "wave.launch", "wave:" + waveId, toJson(Map.of(
                    "survey", survey.surveyId(), "version", survey.version().version(),
                    "invited", invited.size(), "excluded", excluded)));
            Channel.PANEL.forEach(ch -> outboxQueued.fire(new OutboxQueued(ch.id())));
            LOG.infof("Wave %d launched: %d invited (%d messages, the last at %s), %s left out; members chosen in %d ms, queued in %d ms",
                    waveId, invited.size(), messages, last, excluded, (selected - started) / 1_000_000, (System.nanoTime() - selected) / 1_000_000);
            return new LaunchReport(waveId, invited.size(), messages, invited.size() - messages, excluded, false, last);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not launch the wave", e);
        }
    }

    /**
     * What a launch would do, queuing nothing: who would be invited and who is left out and why, the
     * schedule (invitations per day and channel, within the daily limit on new conversations and
     * the quiet hours), when the last invitation goes, the estimated provider cost, and what would
     * make the launch refuse. The same selection and the same outbox plan as {@link #launch}.
     */
    @Transactional
    public DryRun dryRun(WaveRequest request) {
        Instant now = clock.instant();
        validate(request);
        PublishedSurvey survey = survey(request.survey());
        Instant inviteAt = inviteAt(request, now);
        try (Connection c = ds.getConnection()) {
            Selection selection = select(c, request, inviteAt);
            List<Candidate> invited = selection.invited();
            Plan plan = plan(request, survey, invited, inviteAt);
            List<OutboxStore.Planned> times = outbox.plan(c, plan.messages(), now);
            List<String> problems = new ArrayList<>(missingTemplates(invited));
            if (invited.isEmpty()) {
                problems.add(0, "No member of this selection can be invited: "
                        + (selection.excluded().isEmpty() ? "the selection is empty" : describe(selection)));
            }
            if (invited.stream().anyMatch(m -> m.providerId() == null) && !links.available()) {
                problems.add("Set stem.telegram.bot-username: some Telegram members need an invitation link");
            }
            return DryRuns.of(survey, invited, selection, plan.messages(), times, now, config.defaultTimeZone(), channels,
                    request.reminderHours() == null ? 0 : request.reminderHours().size(), problems);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not dry-run the wave", e);
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
        Instant inviteAt = inviteAt(request, now);
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

    private static Instant inviteAt(WaveRequest request, Instant now) {
        if (request.inviteAt() != null && request.inviteAt().isAfter(now.plus(MAX_INVITE_AHEAD))) {
            // Also keeps the invitation and its reminders inside PostgreSQL's timestamp range.
            throw new StemException(ErrorCode.BAD_INVITE_AT, "inviteAt is at most " + MAX_INVITE_AHEAD.toDays() + " days ahead");
        }
        return request.inviteAt() == null || request.inviteAt().isBefore(now) ? now : request.inviteAt();
    }

    /** 422 naming the languages and keys when WhatsApp members have a language without an approved template and no default. */
    private void refuseMissingTemplates(List<Candidate> invited) {
        List<String> missing = missingTemplates(invited);
        if (!missing.isEmpty()) {
            throw new StemException(ErrorCode.MISSING_TEMPLATES, String.join("; ", missing));
        }
    }

    /** For each channel, the members' languages without an approved template (and no default), with the key to set. */
    List<String> missingTemplates(List<Candidate> invited) {
        Map<String, Map<String, Integer>> byChannel = new java.util.TreeMap<>();
        Map<String, String> keys = new HashMap<>();
        for (Candidate m : invited) {
            if (m.providerId() == null) {
                continue; // a Telegram link to hand out: no message
            }
            String language = m.language();
            Optional<String> key = channels.missingTemplateKey(m.channel(), language);
            if (key.isPresent()) {
                String lang = language == null ? "(none)" : language;
                byChannel.computeIfAbsent(m.channel(), ch -> new java.util.TreeMap<>()).merge(lang, 1, Integer::sum);
                keys.put(m.channel() + "/" + lang, key.get());
            }
        }
        List<String> out = new ArrayList<>();
        byChannel.forEach((channel, langs) -> {
            List<String> parts = new ArrayList<>();
            langs.forEach((lang, n) -> parts.add(lang + " (" + n + (n == 1 ? " member" : " members") + ": set " + keys.get(channel + "/" + lang) + ")"));
            out.add("No approved " + channel + " template for " + String.join(", ", parts)
                    + "; or set stem.twilio.templates.default for every other language (docs/whatsapp-templates.md)");
        });
        return out;
    }

    /** Who is left out and why, in words: channels without credentials are named with the settings they need. */
    static String describe(Selection selection) {
        List<String> parts = new ArrayList<>();
        selection.excluded().forEach((reason, n) -> {
            if (!reason.equals("channel_not_configured")) {
                parts.add(n + " " + Candidate.describe(reason) + " (" + reason + ")");
            }
        });
        selection.notConfigured().forEach((channel, n) -> parts.add(n + (n == 1 ? " member is" : " members are") + " on " + channel
                + ", which is not configured here (channel_not_configured): set " + String.join(", ", ConfiguredChannels.credentialKeys(channel))));
        return String.join("; ", parts);
    }

    /** The members a launch invites, the reasons the others are left out (counted, and per member), and unconfigured channels. */
    record Selection(List<Candidate> invited, Map<String, Integer> excluded, List<String[]> leftOut, Map<String, Integer> notConfigured) {
    }

    private Selection select(Connection c, WaveRequest request, Instant inviteAt) throws SQLException {
        Set<String> configured = channels.ids();
        Map<String, Integer> excluded = new LinkedHashMap<>();
        Map<String, Integer> notConfigured = new java.util.TreeMap<>();
        List<String[]> leftOut = new ArrayList<>();
        List<Candidate> invited = new ArrayList<>();
        for (Candidate m : candidates(c, request, inviteAt)) {
            String reason = m.exclusion(config.maxContacts(), configured);
            if (reason == null) {
                invited.add(m);
            } else {
                excluded.merge(reason, 1, Integer::sum);
                leftOut.add(new String[] {m.memberId(), reason});
                if (reason.equals("channel_not_configured")) {
                    notConfigured.merge(m.channel(), 1, Integer::sum);
                }
            }
        }
        return new Selection(invited, excluded, leftOut, notConfigured);
    }

    private void validate(WaveRequest r) {
        if (r == null) {
            throw new StemException(ErrorCode.MISSING_BODY, "Send the wave as JSON");
        }
        if (r.name() == null || r.name().isBlank() || r.name().length() > 200) {
            throw new StemException(ErrorCode.BAD_NAME, "name is required, at most 200 characters");
        }
        if (r.survey() == null || r.survey().isBlank()) {
            throw new StemException(ErrorCode.MISSING_SURVEY, "survey (the survey id) is required");
        }
        List<Integer> hours = r.reminderHours() == null ? List.of() : r.reminderHours();
        if (hours.size() > config.maxReminders()) {
            throw new StemException(ErrorCode.TOO_MANY_REMINDERS, "At most " + config.maxReminders() + " reminders");
        }
        int previous = 0;
        for (Integer h : hours) {
            if (h == null || h <= previous || h > 24 * 90) {
                throw new StemException(ErrorCode.BAD_REMINDER_HOURS,
                        "reminderHours must be increasing whole hours after the invitation, between 1 and 2160");
            }
            previous = h;
        }
        if (r.members() != null) {
            for (String id : r.members()) {
                if (id == null || !id.matches(MEMBER_ID)) {
                    throw new StemException(ErrorCode.BAD_MEMBER_ID, "Member ids are 1-64 characters of A-Za-z0-9._-");
                }
            }
        }
        if (r.idempotencyKey() != null && !r.idempotencyKey().matches("[A-Za-z0-9_-]{8,64}")) {
            throw new StemException(ErrorCode.BAD_IDEMPOTENCY_KEY, "idempotencyKey is 8-64 characters of A-Za-z0-9_-");
        }
        if (r.filter() != null && r.filter().channel() != null && Channel.panel(r.filter().channel()).isEmpty()) {
            throw new StemException(ErrorCode.BAD_CHANNEL, "filter.channel is telegram or whatsapp");
        }
    }

    private PublishedSurvey survey(String id) {
        if (catalog.isRetired(id)) {
            throw new StemException(ErrorCode.SURVEY_RETIRED, "Survey " + id + " is retired; publish it again to start a wave");
        }
        return catalog.latest(id).orElseThrow(() -> StemException.alias(ErrorCode.SURVEY_NOT_FOUND, "unknown_survey", 422, "No survey " + id + " is published"));
    }


    private List<Candidate> candidates(Connection c, WaveRequest r, Instant inviteAt) throws SQLException {
        WaveRequest.Filter f = r.filter() == null ? new WaveRequest.Filter(null, null, null) : r.filter();
        List<Candidate> out = store.candidates(c, f.channel(), f.language(), toJson(f.attributes() == null ? Map.of() : f.attributes()),
                r.members(), inviteAt.minus(config.contactWindow()));
        if (r.members() != null) {
            Set<String> unknown = new TreeSet<>(r.members());
            out.forEach(m -> unknown.remove(m.memberId()));
            if (!unknown.isEmpty()) {
                throw new StemException(ErrorCode.UNKNOWN_MEMBERS, "Unknown member ids: " + String.join(", ", unknown));
            }
        }
        return out;
    }

    /** The wave's quiet hours, else the configured ones. */
    QuietHours quietHours(WaveRequest r) {
        return r.quietHours() != null && r.quietHours().start() != null && r.quietHours().end() != null
                ? new QuietHours(r.quietHours().start(), r.quietHours().end())
                : new QuietHours(config.quietHours().start(), config.quietHours().end());
    }

    /** Each member's invitation as planned in Java (language, text, quiet hours), before the outbox plans the daily limit. */
    record Plan(List<NewMessage> messages, List<WaveStore.PlannedMember> members) {
    }

    private Plan plan(WaveRequest request, PublishedSurvey survey, List<Candidate> members, Instant inviteAt) {
        QuietHours quiet = quietHours(request);
        PanelMessages texts = new PanelMessages(ui);
        Map<String, String> bodies = new HashMap<>();
        Map<String, Optional<String>> languages = new HashMap<>();
        List<NewMessage> messages = new ArrayList<>();
        List<WaveStore.PlannedMember> planned = new ArrayList<>(members.size());
        for (Candidate m : members) {
            String language = m.language() == null ? null
                    : languages.computeIfAbsent(m.language(), l -> Optional.ofNullable(surveyLanguage(survey, l))).orElse(null);
            boolean link = m.providerId() == null;
            ZoneId zone = zone(m.timeZone());
            Instant invitedAt = link ? inviteAt : quiet.nextAllowed(inviteAt, zone);
            if (!link) {
                String textLanguage = language == null ? m.language() : language;
                String body = bodies.computeIfAbsent(m.channel() + "/" + textLanguage,
                        k -> panelPayload(texts.invitation(survey.version(), textLanguage, m.channel()), "invitation", survey.version(),
                                textLanguage, null));
                messages.add(new NewMessage(m.channel(), m.respondentId(), m.providerId(), OutboxMessage.PRIORITY_BULK, body, invitedAt,
                        t -> quiet.nextAllowed(t, zone)));
            }
            planned.add(new WaveStore.PlannedMember(m.respondentId(), m.channel(), language, link ? newToken() : null, null,
                    invitedAt, null));
        }
        return new Plan(messages, planned);
    }

    /**
     * Writes the wave's members with the outbox's plan (the daily limit may have moved an invitation
     * to a later day; the first reminder counts from it), links and contacts set-based. Returns
     * when the last invitation goes.
     */
    private Instant store(Connection c, long waveId, PublishedSurvey survey, Plan plan, List<OutboxStore.Queued> queued,
                          List<Integer> reminderHours, int members, Instant now) throws SQLException {
        List<WaveStore.PlannedMember> planned = new ArrayList<>(plan.members().size());
        int next = 0;
        Instant last = null;
        for (WaveStore.PlannedMember p : plan.members()) {
            Long outboxId = null;
            Instant at = p.invitedAt();
            if (p.token() == null) {
                OutboxStore.Queued q = queued.get(next++);
                outboxId = q.id();
                at = q.at();
            }
            last = last == null || at.isAfter(last) ? at : last;
            Instant reminder = reminderHours.isEmpty() ? null : at.plus(Duration.ofHours(reminderHours.get(0)));
            planned.add(new WaveStore.PlannedMember(p.respondentId(), p.channel(), p.language(), p.token(), outboxId, at, reminder));
        }
        store.addMembers(c, waveId, survey.surveyId(), planned, now);
        if (members >= ANALYZE_AFTER) {
            // So the reminders and the wave's figures plan for a table this size now, not when autovacuum gets to it.
            store.analyzeMembers(c);
        }
        return last;
    }

    /** The outbox payload of a panel message, with the template and variables WhatsApp needs outside the window. */
    String panelPayload(nl.stem.engine.Outbound message, String template, nl.stem.survey.model.SurveyVersion version, String language,
                        String third) {
        return toJson(PanelMessages.payload(message, template, version, language, config.organisation(), third));
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
