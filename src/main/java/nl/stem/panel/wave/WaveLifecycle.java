package nl.stem.panel.wave;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.audit.AuditEntry;
import nl.stem.engine.Outbound;
import nl.stem.engine.UiTexts;
import nl.stem.identity.Channel;
import nl.stem.outbox.NewMessage;
import nl.stem.outbox.OutboxMessage;
import nl.stem.outbox.OutboxQueued;
import nl.stem.outbox.OutboxStore;
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

    private final DataSource ds;
    private final SurveyCatalog catalog;
    private final InvitationLinks invitationLinks;
    private final UiTexts ui;
    private final Waves waves;
    private final Clock clock;
    private final ResultsLinks results;
    private final Event<OutboxQueued> outboxQueued;
    private final Event<WaveClosed> closed;
    private final WaveStore store;
    private final OutboxStore outbox;

    WaveLifecycle(DataSource ds, SurveyCatalog catalog, InvitationLinks invitationLinks, UiTexts ui, Waves waves, Clock clock,
            ResultsLinks results, Event<OutboxQueued> outboxQueued, Event<WaveClosed> closed, WaveStore store,
            OutboxStore outbox) {
        this.ds = ds;
        this.catalog = catalog;
        this.invitationLinks = invitationLinks;
        this.ui = ui;
        this.waves = waves;
        this.clock = clock;
        this.results = results;
        this.outboxQueued = outboxQueued;
        this.closed = closed;
        this.store = store;
        this.outbox = outbox;
    }

    @Transactional
    public List<WaveSummary> list() {
        return store.summaries(null);
    }

    @Transactional
    public WaveSummary get(long id) {
        List<WaveSummary> found = store.summaries(id);
        if (found.isEmpty()) {
            throw StemException.alias(ErrorCode.WAVE_NOT_FOUND, "unknown_wave", 404, "No wave " + id);
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
                    throw new StemException(ErrorCode.WAVE_CLOSED, "Wave " + id + " is closed already");
                }
                store.close(c, id, now);
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
        List<Long> waves = Jdbc.inTransaction(ds, store::closedNotCancelled);
        int total = 0;
        for (long id : waves) {
            // The wave's queued messages, found once; then cancelled by id, a batch per short transaction.
            // A row the sender claims meanwhile is no longer 'queued' and goes out (it is in flight).
            List<Long> queued = Jdbc.inTransaction(ds, c -> store.queuedMessages(c, id));
            int wave = 0;
            for (int from = 0; from < queued.size(); from += CANCEL_BATCH) {
                Long[] batch = queued.subList(from, Math.min(queued.size(), from + CANCEL_BATCH)).toArray(Long[]::new);
                wave += Jdbc.inTransaction(ds, c -> outbox.cancelQueued(c, batch, "wave closed"));
            }
            Jdbc.inTransaction(ds, c -> {
                store.markCancelled(c, id, clock.instant());
                return null;
            });
            LOG.infof("Wave %d closed: %d queued messages cancelled", id, wave);
            total += wave;
        }
        return total;
    }

    /** The deep links for Telegram members not linked yet, for the coordinator to hand out. */
    @Transactional
    public List<MemberLink> links(long id) {
        try (Connection c = ds.getConnection()) {
            status(c, id);
            return store.links(c, id).stream()
                    .map(l -> new MemberLink(l.memberId(), l.language(), invitationLinks.link(l.token()), l.used()))
                    .toList();
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
            throw new StemException(ErrorCode.MISSING_TEXTS, "Send texts by language, e.g. {\"texts\": {\"nl\": \"...\", \"default\": \"...\"}}");
        }
        for (Map.Entry<String, String> t : texts.entrySet()) {
            if (t.getValue() == null || t.getValue().isBlank() || t.getValue().length() > MAX_FEEDBACK) {
                throw new StemException(ErrorCode.BAD_TEXT, "The text for " + t.getKey() + " must have 1 to " + MAX_FEEDBACK + " characters");
            }
        }
        texts = withLink(id, texts);
        try (Connection c = ds.getConnection()) {
            if (!status(c, id).equals("closed")) {
                throw new StemException(ErrorCode.WAVE_OPEN, "Close the wave before sending what was learned");
            }
            if (store.feedbackSent(c, id)) {
                throw new StemException(ErrorCode.FEEDBACK_SENT, "Wave " + id + " has had its feedback message");
            }
            PublishedSurvey survey = catalog.byVersionId(store.versionId(c, id)).orElseThrow();
            List<WaveStore.FeedbackRecipient> recipients = store.feedbackRecipients(c, id);
            TreeSet<String> missing = new TreeSet<>();
            for (WaveStore.FeedbackRecipient r : recipients) {
                if (text(texts, r.language()).isEmpty()) {
                    missing.add(String.valueOf(r.language()));
                }
            }
            if (!missing.isEmpty()) {
                throw new StemException(ErrorCode.MISSING_LANGUAGES, "No text for these members' languages (add them or \"default\"): "
                        + String.join(", ", missing));
            }
            PanelMessages messages = new PanelMessages(ui);
            List<NewMessage> queued = new ArrayList<>(recipients.size());
            for (WaveStore.FeedbackRecipient r : recipients) {
                String text = text(texts, r.language()).get();
                String payload = waves.panelPayload(messages.feedback(survey.version(), r.language(), text), "feedback",
                        survey.version(), r.language(), text);
                queued.add(new NewMessage(r.channel(), r.respondentId(), r.providerId(), OutboxMessage.PRIORITY_BULK, payload, now));
            }
            List<Long> outboxIds = outbox.enqueue(c, queued, now);
            for (int i = 0; i < recipients.size(); i++) {
                store.logContact(c, recipients.get(i).respondentId(), id, "feedback", now, outboxIds.get(i));
            }
            store.markFeedbackSent(c, id, now);
            AuditEntry.record(now, actor, "wave.feedback", "wave:" + id, "{\"recipients\":" + recipients.size() + "}");
            Channel.PANEL.forEach(ch -> outboxQueued.fire(new OutboxQueued(ch.id())));
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
                throw new StemException(ErrorCode.BAD_TEXT, "The text for " + t.getKey() + " must have 1 to " + MAX_FEEDBACK + " characters");
            }
        }
        Map<String, String> filled = withLink(id, texts);
        try (Connection c = ds.getConnection()) {
            status(c, id); // 404 for an unknown wave
            PublishedSurvey survey = catalog.byVersionId(store.versionId(c, id)).orElseThrow();
            Map<String, Long> byLanguage = new java.util.TreeMap<>();
            for (WaveStore.FeedbackRecipient r : store.feedbackRecipients(c, id)) {
                byLanguage.merge(String.valueOf(r.language()), 1L, Long::sum);
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
        String url = results.liveUrl(id).orElseThrow(() -> new StemException(ErrorCode.NOT_PUBLISHED, 422,
                "The text uses " + LINK + " but wave " + id + " has no public results: publish them first"));
        Map<String, String> out = new java.util.LinkedHashMap<>();
        texts.forEach((k, v) -> out.put(k, v.replace(LINK, url)));
        return out;
    }

    private static Optional<String> text(Map<String, String> texts, String language) {
        return Optional.ofNullable(language == null ? null : texts.get(language)).or(() -> Optional.ofNullable(texts.get("default")));
    }

    private String status(Connection c, long id) throws SQLException {
        return store.lockStatus(c, id)
                .orElseThrow(() -> StemException.alias(ErrorCode.WAVE_NOT_FOUND, "unknown_wave", 404, "No wave " + id));
    }
}
