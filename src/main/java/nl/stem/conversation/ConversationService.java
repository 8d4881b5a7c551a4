package nl.stem.conversation;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import nl.stem.engine.Input;
import nl.stem.engine.Outbound;
import nl.stem.engine.Progress;
import nl.stem.engine.SessionEvent;
import nl.stem.engine.SessionState;
import nl.stem.engine.StepResult;
import nl.stem.engine.SurveyEngine;
import nl.stem.engine.UiTexts;
import nl.stem.config.StemConfig;
import nl.stem.outbox.NewMessage;
import nl.stem.outbox.OutboxMessage;
import nl.stem.outbox.OutboxQueued;
import nl.stem.outbox.OutboxStore;
import nl.stem.survey.model.AnswerValue;
import nl.stem.survey.PublishedSurvey;
import nl.stem.survey.SurveyCatalog;

/**
 * The only place that loads and saves sessions. One transaction per inbound message: de-duplicate
 * on the provider message id, lock the respondent, run the engine, store answers, state and the
 * replies in the outbox. The caller acknowledges the provider only after this returns (committed).
 */
@ApplicationScoped
public class ConversationService {

    @Inject
    Sql sql;
    @Inject
    OutboxStore outbox;
    @Inject
    SurveyEngine engine;
    @Inject
    SurveyCatalog catalog;
    @Inject
    SessionStore sessions;
    @Inject
    AnswerWriter answers;
    @Inject
    RespondentData respondentData;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    Event<OutboxQueued> outboxQueued;
    @Inject
    UiTexts ui;
    @Inject
    StemConfig config;
    @Inject
    PanelInvites waveInvites;
    @Inject
    RespondentErasure erasure;
    @Inject
    LostReply lostReply;
    @Inject
    AccessAnswers accessSummary;
    @Inject
    ConsentLog consents;

    @Transactional
    public Outcome handle(Inbound in) {
        if (!firstDelivery(in)) {
            return Outcome.duplicateDelivery();
        }
        Instant now = clock.instant();
        // "My data" (art. 15 GDPR) in any of Stem's languages; from a chat Stem does not know: a polite word, and nothing stored.
        Optional<String> access = in.start() == null ? engine.accessRequestLanguage(in.input()) : Optional.empty();
        if (access.isPresent() && !respondentData.known(in.channel(), in.providerUserId())) {
            List<Long> queued = enqueue(in, null, List.of(accessSummary.unknownChat(access.get())), now);
            outboxQueued.fire(new OutboxQueued(in.channel()));
            return new Outcome(false, null, queued);
        }
        // Locked: serialises this respondent's messages; other respondents' messages run in parallel.
        Respondent respondent = respondentData.contact(in.channel(), in.providerUserId(), now);
        RespondentData.Loaded loaded = RespondentData.Loaded.of(respondent);

        SessionRecord session = sessions.latest(respondent.id);
        List<Outbound> replies = new ArrayList<>();
        boolean ended = session == null || finished(session);
        if (access.isPresent() && (session == null || ended && !sessions.state(session).confirmingDeletion())) {
            // No session under way to ask again: the summary alone, and nothing else changes.
            String language = !UiTexts.FALLBACK_LANGUAGE.equals(access.get()) || respondent.preferredLanguage == null
                    ? access.get() : respondent.preferredLanguage;
            accessSummary.forRespondent(respondent.id, language, now).ifPresent(replies::add);
            List<Long> queued = enqueue(in, respondent, replies, now);
            outboxQueued.fire(new OutboxQueued(in.channel()));
            return new Outcome(false, session == null ? null : session.id, queued);
        }
        // A menu button starts a survey only when no session is under way (else it is a stale button).
        String requested = in.start() != null ? in.start().surveyId() : ended ? menuChoice(in.input(), session == null) : null;
        boolean restart;
        boolean explicit = in.input() instanceof Input.Start;
        if (requested != null || session == null || "expired".equals(session.status)) {
            restart = true;
        } else if (ended && !deleting(session, in.input()) && waveInvites.pending(respondent.id, now, false).isPresent()) {
            // A message after an earlier session ended answers the newest invitation.
            restart = true;
        } else {
            PublishedSurvey survey = catalog.byVersionId(session.surveyVersionId).orElseThrow(() ->
                    new IllegalStateException("Session refers to an unknown survey version"));
            SessionState state = sessions.state(session);
            // Their last message failed for good: what they type now cannot answer a question they never saw.
            Input input = ended ? in.input() : lostReply.forEngine(in, respondent.id, state, i -> engine.isCommand(survey.version(), i));
            StepResult result = engine.step(survey.version(), state, input, now);
            restart = apply(result, session, survey, respondent, in, now);
            explicit |= restart;
            replies.addAll(result.messages());
            for (SessionEvent event : result.events()) {
                if (event instanceof SessionEvent.AccessRequested a) {
                    // The summary first, then the current question again.
                    accessSummary.forRespondent(respondent.id, a.language(), now).ifPresent(m -> replies.add(0, m));
                }
            }
            if (result.events().stream().anyMatch(e -> e instanceof SessionEvent.DeletionConfirmed)) {
                // "Delete my data", confirmed: everything about them goes; the confirmation is queued
                // to their chat without their id, and purged once it has gone.
                erasure.erase(respondent.id, RespondentErasure.RESPONDENT, now);
                List<Long> queued = enqueue(in, null, replies, now);
                outboxQueued.fire(new OutboxQueued(in.channel()));
                return new Outcome(false, null, queued);
            }
        }
        if (restart) {
            if (session != null && "expired".equals(session.status) && in.start() == null) {
                replies.add(notice(respondent.preferredLanguage, "notice.expired"));
            }
            Optional<Planned> planned = surveyToStart(in, requested, session, respondent, now, explicit);
            if (planned.isPresent() && planned.get().waveId() != null && !explicit
                    && engine.isStop(planned.get().survey().version(), in.input())) {
                // "STOP" in answer to an invitation: out of the panel, and no session is started.
                respondent.optedOutAt = now;
                replies.add(notice(planned.get().language(), "panel.opted_out"));
            } else if (planned.isPresent()) {
                PublishedSurvey survey = planned.get().survey();
                session = sessions.create(respondent.id, survey.versionId(), in.channel(), in.preview(), now);
                if (planned.get().waveId() != null) {
                    session.waveId = planned.get().waveId();
                    waveInvites.attach(session.waveId, respondent.id, session.id);
                }
                // Starting a survey again is coming back to the panel after a stop.
                respondent.optedOutAt = null;
                Input.Start start = startInput(in, respondent, planned.get().language());
                StepResult result = engine.step(survey.version(), null, start, now);
                apply(result, session, survey, respondent, in, now);
                replies.addAll(result.messages());
            } else {
                Input.Start language = startInput(in, respondent, null);
                replies.addAll(OpeningMenu.offer(ui, openToAnyone().stream().map(PublishedSurvey::version).toList(),
                        language.language() != null ? language.language() : language.languageHint()));
            }
        }
        respondentData.saveChanges(respondent, loaded);
        List<Long> queued = enqueue(in, respondent, replies, now);
        if (!queued.isEmpty()) {
            outboxQueued.fire(new OutboxQueued(in.channel()));
        }
        return new Outcome(false, session == null ? null : session.id, queued);
    }

    /** Records the provider's message id; false when it was recorded before (a repeated delivery). */
    private boolean firstDelivery(Inbound in) {
        // Plain JDBC on the transaction's connection: the webhook's hot path.
        return sql.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into inbound_messages (channel, provider_message_id) values (?, ?) on conflict do nothing")) {
                ps.setString(1, in.channel());
                ps.setString(2, in.providerMessageId());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Stores what a step did; returns true when the respondent asked to start again. */
    private boolean apply(StepResult result, SessionRecord session, PublishedSurvey survey, Respondent respondent,
                          Inbound in, Instant now) {
        boolean restart = false;
        for (SessionEvent event : result.events()) {
            if (event instanceof SessionEvent.AnswerGiven a) {
                answers.write(session, survey, a, in, now);
                if (a.value().kind() == AnswerValue.Kind.CONSENT) {
                    respondent.consentStatus = "given";
                    recordConsent(session, survey, respondent, a.questionId(), a.language(), ConsentLog.GIVEN, in, now);
                }
            } else if (event instanceof SessionEvent.ConsentRefused r) {
                answers.deleteSession(session.id);
                respondent.consentStatus = "refused";
                recordConsent(session, survey, respondent, r.questionId(), r.language(), ConsentLog.REFUSED, in, now);
            } else if (event instanceof SessionEvent.Stopped) {
                // STOP opts the member out of the panel until they start a survey again.
                respondent.optedOutAt = now;
            } else if (event instanceof SessionEvent.LanguageChosen l) {
                respondent.preferredLanguage = l.language();
            } else if (event instanceof SessionEvent.AudioToggled a) {
                respondent.audioPrompts = a.on();
            } else if (event instanceof SessionEvent.Completed) {
                session.completedAt = now;
            } else if (event instanceof SessionEvent.RestartRequested) {
                restart = true;
            }
        }
        Progress progress = Progress.of(survey.version(), result.state());
        session.answered = progress.answered();
        session.applicable = progress.applicable();
        sessions.save(session, result.state(), now);
        return restart;
    }

    /** Which consent text they decided on (its checksum, exactly as shown), when and where; never an answer. */
    private void recordConsent(SessionRecord session, PublishedSurvey survey, Respondent respondent, String questionId,
                               String language, String decision, Inbound in, Instant now) {
        String lang = language == null ? survey.version().survey().sourceLanguage() : language;
        engine.shownText(survey.version(), questionId, lang).ifPresent(shown -> consents.record(respondent.id, session.id,
                survey.versionId(), questionId, lang, shown, decision, in.channel(), now));
    }

    /** The language for a new session: {@link LanguageChoice} decides (member, choice, hint, fallback). */
    private static Input.Start startInput(Inbound in, Respondent respondent, String invited) {
        return LanguageChoice.forInbound(in, respondent, invited);
    }

    /** A survey to start, for a wave (or not), in a language (or the respondent's choice). */
    private record Planned(PublishedSurvey survey, Long waveId, String language) {
        static Planned open(PublishedSurvey survey) {
            return new Planned(survey, null, null);
        }
    }

    /**
     * Which survey a new session starts on: an explicit request (preview, invitation link) must
     * exist, and runs in the member's open wave for it if there is one; a menu choice must be open to
     * anyone or be the survey the member is invited to; then the member's newest open invitation;
     * then the survey of the previous session ("start" again), the configured default, or the only
     * survey open to anyone. Empty: offer the menu.
     */
    private Optional<Planned> surveyToStart(Inbound in, String requested, SessionRecord previous, Respondent respondent,
                                            Instant now, boolean explicit) {
        if (in.start() != null) {
            String id = in.start().surveyId();
            if (id == null || catalog.isRetired(id)) {
                throw new NoSurveyException(String.valueOf(id));
            }
            Optional<Planned> wave = waveInvites.forSurvey(respondent.id, id).flatMap(this::planned);
            return Optional.of(wave.orElseGet(() -> Planned.open(catalog.latest(id).orElseThrow(() -> new NoSurveyException(id)))));
        }
        Optional<Planned> invited = waveInvites.pending(respondent.id, now, explicit).flatMap(this::planned);
        List<PublishedSurvey> open = openToAnyone();
        if (requested != null) {
            return invited.filter(p -> p.survey().surveyId().equals(requested))
                    .or(() -> open.stream().filter(p -> p.surveyId().equals(requested)).findFirst().map(Planned::open));
        }
        if (invited.isPresent()) {
            return invited;
        }
        if (previous != null) {
            Optional<PublishedSurvey> again = catalog.byVersionId(previous.surveyVersionId)
                    .filter(p -> !catalog.isRetired(p.surveyId())).flatMap(p -> catalog.latest(p.surveyId()));
            if (again.isPresent()) {
                return again.map(Planned::open);
            }
        }
        Optional<String> configured = config.surveys().defaultSurvey();
        if (configured.isPresent()) {
            return open.stream().filter(p -> p.surveyId().equals(configured.get())).findFirst()
                    .or(() -> catalog.isRetired(configured.get()) ? Optional.empty() : catalog.latest(configured.get()))
                    .map(Planned::open);
        }
        return open.size() == 1 ? Optional.of(Planned.open(open.get(0))) : Optional.empty();
    }

    private Optional<Planned> planned(WaveInvite invite) {
        return catalog.byVersionId(invite.surveyVersionId()).map(p -> new Planned(p, invite.waveId(), invite.language()));
    }

    /** A notice from Stem itself in {@code language} (or the fallback when Stem has no texts in it). */
    private Outbound notice(String language, String key) {
        String lang = language != null && ui.byLanguage().containsKey(language) ? language : UiTexts.FALLBACK_LANGUAGE;
        return new Outbound(Outbound.Kind.NOTICE, ui.pattern(lang, key), List.of(), nl.stem.language.Languages.isRightToLeft(lang), null);
    }

    private List<PublishedSurvey> openToAnyone() {
        return catalog.current().stream().filter(p -> p.version().survey().openToAnyone()).toList();
    }

    /** "Delete my data" after a session ended, or its confirmation: the engine handles those. */
    private boolean deleting(SessionRecord s, Input input) {
        return sessions.state(s).confirmingDeletion() || catalog.byVersionId(s.surveyVersionId)
                .map(p -> engine.isDelete(p.version(), input)).orElse(false);
    }

    private static boolean finished(SessionRecord s) {
        return s.status.equals("completed") || s.status.equals("stopped") || s.status.equals("refused")
                || s.status.equals("expired");
    }

    /**
     * A survey chosen from the opening menu: a tapped {@code start:<id>} button, or its typed number
     * or title when a newcomer without a session is being offered the menu (no default, several open).
     */
    private String menuChoice(Input input, boolean noSession) {
        if (input instanceof Input.ButtonTap tap) {
            return OpeningMenu.chosen(tap.payload()).orElse(null);
        }
        if (noSession && input instanceof Input.Text text && config.surveys().defaultSurvey().isEmpty()) {
            List<PublishedSurvey> open = openToAnyone();
            if (open.size() > 1) {
                return OpeningMenu.typed(text.text(), open.stream().map(PublishedSurvey::version).toList()).orElse(null);
            }
        }
        return null;
    }

    /** Queues the replies to the sender of {@code in}; {@code respondent} null: they were just erased. */
    private List<Long> enqueue(Inbound in, Respondent respondent, List<Outbound> messages, Instant now) {
        if (messages.isEmpty()) {
            return List.of();
        }
        // On the transaction's connection: the webhook's hot path, no entity needed.
        List<NewMessage> rows = new ArrayList<>(messages.size());
        for (Outbound m : messages) {
            rows.add(new NewMessage(in.channel(), respondent == null ? null : respondent.id, in.providerUserId(),
                    OutboxMessage.PRIORITY_REPLY, toJson(m), now));
        }
        return sql.run(c -> outbox.enqueue(c, rows, now));
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
