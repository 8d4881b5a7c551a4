package nl.stem.panel.wave;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import nl.stem.db.Ids;
import nl.stem.api.StemException;
import nl.stem.audit.AuditEntry;
import nl.stem.channel.telegram.TelegramConfig;
import nl.stem.engine.Outbound;
import nl.stem.engine.UiTexts;
import nl.stem.outbox.OutboxMessage;
import nl.stem.outbox.OutboxQueued;
import nl.stem.survey.PublishedSurvey;
import nl.stem.survey.SurveyCatalog;
import nl.stem.worker.Jdbc;

/** A wave after launch: listing, the Telegram links to hand out, closing, and the feedback message. */
@ApplicationScoped
public class WaveLifecycle {
    /** Where a feedback text wants the link to the wave's public results. */
    static final String LINK = "{link}";
    /** Longest feedback text per language, in characters: "short", and within one WhatsApp template variable. */
    public static final int MAX_FEEDBACK = 1000;
    private static final int CANCEL_BATCH = 5000;
    private static final Logger LOG = Logger.getLogger(WaveLifecycle.class);

    @Inject
    DataSource ds;
    @Inject
    SurveyCatalog catalog;
    @Inject
    TelegramConfig telegram;
    @Inject
    UiTexts ui;
    @Inject
    Waves waves;
    @Inject
    Clock clock;
    @Inject
    nl.stem.results.Publications publications;
    @Inject
    Event<OutboxQueued> outboxQueued;
    @Inject
    Event<WaveClosed> closed;

    private static final String SUMMARY = "select w.id, w.name, v.survey_id, v.version, w.status, w.invite_at, w.reminder_hours, "
            + "w.created_at, w.closed_at, w.feedback_sent_at, count(wm.respondent_id), count(o.id) filter (where o.status = 'sent'), "
            + "count(wm.invitation_token), count(s.id), count(s.completed_at) "
            + "from waves w join survey_versions v on v.id = w.survey_version_id left join wave_members wm on wm.wave_id = w.id "
            + "left join outbox o on o.id = wm.invite_outbox_id left join sessions s on s.id = wm.session_id ";

    @Transactional
    public List<WaveSummary> list() {
        return query(SUMMARY + "group by w.id, v.survey_id, v.version order by w.id desc", null);
    }

    @Transactional
    public WaveSummary get(long id) {
        List<WaveSummary> found = query(SUMMARY + "where w.id = ? group by w.id, v.survey_id, v.version", id);
        if (found.isEmpty()) {
            throw new StemException(404, "unknown_wave", "No wave " + id);
        }
        return found.get(0);
    }

    /**
     * Closes the wave: nobody starts its survey through it any more (sessions under way may finish)
     * and no reminder follows. Its invitations and reminders still queued are cancelled right after,
     * in batches of short transactions by {@link #cancelQueued()}, so closing a wave of 100,000
     * returns at once and never holds the sender up (a message may still go out in that moment).
     */
    public WaveSummary close(long id, String actor) {
        Instant now = clock.instant();
        try {
            Jdbc.inTransaction(ds, c -> {
                if (status(c, id).equals("closed")) {
                    throw new StemException(409, "wave_closed", "Wave " + id + " is closed already");
                }
                Jdbc.update(c, "update waves set status = 'closed', closed_at = ? where id = ?", now, id);
                AuditEntry.record(c, now, actor, "wave.close", "wave:" + id, null);
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Could not close the wave", e);
        }
        closed.fire(new WaveClosed(id));
        return get(id);
    }

    /**
     * Cancels the queued invitations and reminders of closed waves and stops their reminders, a
     * batch per transaction; marks each wave done ({@code cancelled_at}). Returns how many were cancelled.
     */
    public int cancelQueued() throws SQLException {
        List<Long> waves = Jdbc.inTransaction(ds, c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id from waves where status = 'closed' and cancelled_at is null");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
        int total = 0;
        for (long id : waves) {
            // The wave's queued messages, found once; then cancelled by id, a batch per short transaction.
            // A row the sender claims meanwhile is no longer 'queued' and goes out (it is in flight).
            List<Long> queued = Jdbc.inTransaction(ds, c -> {
                List<Long> ids = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("""
                        select o.id from outbox o
                        where o.status = 'queued'
                          and o.id in (select invite_outbox_id from wave_members where wave_id = ? and invite_outbox_id is not null
                                       union all
                                       select outbox_id from panel_contacts where wave_id = ? and outbox_id is not null)
                        order by o.id""")) {
                    ps.setLong(1, id);
                    ps.setLong(2, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                }
                return ids;
            });
            int wave = 0;
            for (int from = 0; from < queued.size(); from += CANCEL_BATCH) {
                Long[] batch = queued.subList(from, Math.min(queued.size(), from + CANCEL_BATCH)).toArray(Long[]::new);
                wave += Jdbc.inTransaction(ds, c -> {
                    try (PreparedStatement ps = c.prepareStatement(
                            "update outbox set status = 'cancelled', last_error = 'wave closed' where id = any(?) and status = 'queued'")) {
                        ps.setArray(1, c.createArrayOf("bigint", batch));
                        return ps.executeUpdate();
                    }
                });
            }
            Jdbc.inTransaction(ds, c -> {
                Jdbc.update(c, "update wave_members set next_reminder_at = null where wave_id = ? and next_reminder_at is not null", id);
                return Jdbc.update(c, "update waves set cancelled_at = ? where id = ?", clock.instant(), id);
            });
            LOG.infof("Wave %d closed: %d queued messages cancelled", id, wave);
            total += wave;
        }
        return total;
    }

    /** The deep links for Telegram members not linked yet, for the coordinator to hand out. */
    @Transactional
    public List<MemberLink> links(long id) {
        String bot = telegram.botUsername().orElse("");
        try (Connection c = ds.getConnection()) {
            status(c, id);
            try (PreparedStatement ps = c.prepareStatement("select r.member_id, wm.language, wm.invitation_token, i.used_at "
                    + "from wave_members wm join respondents r on r.id = wm.respondent_id join invitations i on i.token = wm.invitation_token "
                    + "where wm.wave_id = ? order by r.member_id")) {
                ps.setLong(1, id);
                List<MemberLink> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new MemberLink(rs.getString(1), rs.getString(2), "https://t.me/" + bot + "?start=" + rs.getString(3),
                                rs.getObject(4) != null));
                    }
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the wave's links", e);
        }
    }

    /**
     * Sends a closed wave's "what we learned" message to the members who took part (answered at
     * least one question) and can still be reached and did not opt out, each in their language
     * ({@code texts} by language tag, {@code default} for the rest). Once per wave.
     */
    @Transactional
    public int feedback(long id, Map<String, String> texts, String actor) {
        Instant now = clock.instant();
        if (texts == null || texts.isEmpty()) {
            throw new StemException(400, "missing_texts", "Send texts by language, e.g. {\"texts\": {\"nl\": \"...\", \"default\": \"...\"}}");
        }
        for (Map.Entry<String, String> t : texts.entrySet()) {
            if (t.getValue() == null || t.getValue().isBlank() || t.getValue().length() > MAX_FEEDBACK) {
                throw new StemException(400, "bad_text", "The text for " + t.getKey() + " must have 1 to " + MAX_FEEDBACK + " characters");
            }
        }
        texts = withLink(id, texts);
        try (Connection c = ds.getConnection()) {
            if (!status(c, id).equals("closed")) {
                throw new StemException(409, "wave_open", "Close the wave before sending what was learned");
            }
            if (feedbackSent(c, id)) {
                throw new StemException(409, "feedback_sent", "Wave " + id + " has had its feedback message");
            }
            PublishedSurvey survey = catalog.byVersionId(versionId(c, id)).orElseThrow();
            List<Object[]> recipients = recipients(c, id);
            TreeSet<String> missing = new TreeSet<>();
            for (Object[] r : recipients) {
                if (text(texts, (String) r[2]).isEmpty()) {
                    missing.add(String.valueOf(r[2]));
                }
            }
            if (!missing.isEmpty()) {
                throw new StemException(422, "missing_languages", "No text for these members' languages (add them or \"default\"): "
                        + String.join(", ", missing));
            }
            PanelMessages messages = new PanelMessages(ui);
            for (Object[] r : recipients) {
                String language = (String) r[2];
                String payload = waves.toJson(messages.feedback(survey.version(), language, text(texts, language).get()));
                long outboxId = insertOutbox(c, (String) r[1], (UUID) r[0], (String) r[3], payload, now);
                Jdbc.update(c, "insert into panel_contacts (respondent_id, wave_id, kind, at, outbox_id) values (?, ?, 'feedback', ?, ?)",
                        r[0], id, now, outboxId);
            }
            Jdbc.update(c, "update waves set feedback_sent_at = ? where id = ?", now, id);
            AuditEntry.record(now, actor, "wave.feedback", "wave:" + id, "{\"recipients\":" + recipients.size() + "}");
            outboxQueued.fire(new OutboxQueued("telegram"));
            outboxQueued.fire(new OutboxQueued("whatsapp"));
            return recipients.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not send the feedback", e);
        }
    }

    /** The texts with {@code {link}} replaced by the wave's public results link; 422 when a text asks for it and there is none. */
    /**
     * What "what we learned" would say, per language: for every language of the wave's survey and of
     * those who would receive it, the exact message (the {@code {link}} filled in), how many members
     * would get it in that language, and no text where neither the language nor {@code default} has
     * one. Changes nothing; any wave.
     */
    public record FeedbackPreview(String language, String text, boolean rtl, long recipients) {
    }

    public List<FeedbackPreview> previewFeedback(long id, Map<String, String> texts) {
        for (Map.Entry<String, String> t : texts.entrySet()) {
            if (t.getValue() == null || t.getValue().isBlank() || t.getValue().length() > MAX_FEEDBACK) {
                throw new StemException(400, "bad_text", "The text for " + t.getKey() + " must have 1 to " + MAX_FEEDBACK + " characters");
            }
        }
        Map<String, String> filled = withLink(id, texts);
        try (Connection c = ds.getConnection()) {
            status(c, id); // 404 for an unknown wave
            PublishedSurvey survey = catalog.byVersionId(versionId(c, id)).orElseThrow();
            Map<String, Long> byLanguage = new java.util.TreeMap<>();
            for (Object[] r : recipients(c, id)) {
                byLanguage.merge(String.valueOf(r[2]), 1L, Long::sum);
            }
            java.util.LinkedHashSet<String> languages = new java.util.LinkedHashSet<>(survey.version().survey().languages());
            languages.addAll(byLanguage.keySet());
            PanelMessages messages = new PanelMessages(ui);
            List<FeedbackPreview> out = new ArrayList<>();
            for (String language : languages) {
                Optional<String> text = text(filled, language);
                Outbound m = text.map(t -> messages.feedback(survey.version(), language, t)).orElse(null);
                out.add(new FeedbackPreview(language, m == null ? null : m.text(), m != null && m.rtl(), byLanguage.getOrDefault(language, 0L)));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not preview feedback", e);
        }
    }

    private Map<String, String> withLink(long id, Map<String, String> texts) {
        if (texts.values().stream().noneMatch(t -> t.contains(LINK))) {
            return texts;
        }
        String url = publications.live(id).map(p -> p.url()).orElseThrow(() -> new StemException(422, "not_published",
                "The text uses " + LINK + " but wave " + id + " has no public results: publish them first"));
        Map<String, String> out = new java.util.LinkedHashMap<>();
        texts.forEach((k, v) -> out.put(k, v.replace(LINK, url)));
        return out;
    }

    private static Optional<String> text(Map<String, String> texts, String language) {
        return Optional.ofNullable(language == null ? null : texts.get(language)).or(() -> Optional.ofNullable(texts.get("default")));
    }

    /** respondent id, channel, language, provider id of who took part and can be reached. */
    private static List<Object[]> recipients(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select wm.respondent_id, wm.channel, coalesce(s.language, wm.language, r.preferred_language), "
                + "ci.provider_id from wave_members wm join sessions s on s.id = wm.session_id and s.answered > 0 "
                + "join respondents r on r.id = wm.respondent_id and r.opted_out_at is null "
                + "join lateral (select provider_id from channel_identities i where i.respondent_id = wm.respondent_id and i.channel = wm.channel "
                + "and i.unreachable_at is null order by i.id desc limit 1) ci on true where wm.wave_id = ? order by wm.respondent_id")) {
            ps.setLong(1, id);
            List<Object[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
            return out;
        }
    }

    private static long insertOutbox(Connection c, String channel, UUID respondentId, String recipient, String payload, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into outbox (channel, respondent_id, recipient, priority, payload, status, "
                + "next_attempt_at, idempotency_key, created_at) values (?, ?, ?, ?, cast(? as jsonb), 'queued', ?, ?, ?) returning id")) {
            ps.setString(1, channel);
            ps.setObject(2, respondentId);
            ps.setString(3, recipient);
            ps.setInt(4, OutboxMessage.PRIORITY_BULK);
            ps.setString(5, payload);
            ps.setObject(6, Jdbc.ts(now));
            ps.setObject(7, Ids.uuid());
            ps.setObject(8, Jdbc.ts(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String status(Connection c, long id) throws SQLException {
        return single(c, "select status from waves where id = ? for update", id)
                .orElseThrow(() -> new StemException(404, "unknown_wave", "No wave " + id));
    }

    private static boolean feedbackSent(Connection c, long id) throws SQLException {
        return single(c, "select cast(feedback_sent_at as text) from waves where id = ?", id).isPresent();
    }

    private static long versionId(Connection c, long id) throws SQLException {
        return Long.parseLong(single(c, "select cast(survey_version_id as text) from waves where id = ?", id).orElseThrow());
    }

    private static Optional<String> single(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private List<WaveSummary> query(String sql, Long id) {
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
}
