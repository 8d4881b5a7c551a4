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

    private final Sql sql;
    private final OutboxStore outbox;
    private final SurveyEngine engine;
    private final SurveyCatalog catalog;
    private final SessionStore sessions;
    private final AnswerWriter answers;
    private final RespondentData respondentData;
    private final ObjectMapper json;
    private final Clock clock;
    private final Event<OutboxQueued> outboxQueued;
    private final UiTexts ui;
    private final StemConfig config;
    private final PanelInvites waveInvites;
    private final RespondentErasure erasure;
    private final LostReply lostReply;
    private final AccessAnswers accessSummary;
    private final ConsentLog consents;

    @Inject
    public ConversationService(Sql sql, OutboxStore outbox, SurveyEngine engine, SurveyCatalog catalog,
                               SessionStore sessions, AnswerWriter answers, RespondentData respondentData,
                               ObjectMapper json, Clock clock, Event<OutboxQueued> outboxQueued, UiTexts ui,
                               StemConfig config, PanelInvites waveInvites, RespondentErasure erasure,
                               LostReply lostReply, AccessAnswers accessSummary, ConsentLog consents) {
        this.sql = sql;
        this.outbox = outbox;
        this.engine = engine;
        this.catalog = catalog;
        this.sessions = sessions;
        this.answers = answers;
        this.respondentData = respondentData;
        this.json = json;
        this.clock = clock;
        this.outboxQueued = outboxQueued;
        this.ui = ui;
        this.config = config;
        this.waveInvites = waveInvites;
        this.erasure = erasure;
        this.lostReply = lostReply;
        this.accessSummary = accessSummary;
        this.consents = consents;
    }

    /** Load, decide ({@link Opening}), step the engine or start a survey, store, and queue the replies. */
    @Transactional
    public Outcome handle(Inbound in) {
        if (!firstDelivery(in)) {
            return Outcome.duplicateDelivery();
        }
        Instant now = clock.instant();
        // "My data" (art. 15 GDPR) in any of Stem's languages; from a chat Stem does not know: a polite word, and nothing stored.
        Optional<String> access = in.start() == null ? engine.accessRequestLanguage(in.input()) : Optional.empty();
        if (access.isPresent() && !respondentData.known(in.channel(), in.providerUserId())) {
            return queue(in, null, List.of(accessSummary.unknownChat(access.get())), null, now);
        }
        // Locked: serialises this respondent's messages; other respondents' messages run in parallel.
        Respondent respondent = respondentData.contact(in.channel(), in.providerUserId(), now);
        RespondentData.Loaded loaded = RespondentData.Loaded.of(respondent);
        SessionRecord session = sessions.latest(respondent.id);
        // Parsed once: the decision and the step both read it.
        SessionState state = session == null ? null : sessions.state(session);
        List<Outbound> replies = new ArrayList<>();

        Opening.Route route = Opening.route(facts(in, respondent, session, state, access.orElse(null), now));
        if (route instanceof Opening.Access a) {
            accessSummary.forRespondent(respondent.id, a.language(), now).ifPresent(replies::add);
            return queue(in, respondent, replies, session, now);
        }
        if (route instanceof Opening.Continue c) {
            Stepped stepped = step(in, respondent, session, state, c.ended(), now);
            replies.addAll(stepped.replies());
            if (stepped.erased()) {
                // "Delete my data", confirmed: the confirmation is queued to their chat without their id.
                return queue(in, null, replies, null, now);
            }
            route = stepped.restart() ? Opening.Restart.requestedByEngine() : route;
        }
        if (route instanceof Opening.Restart restart) {
            if (restart.noticeExpired()) {
                replies.add(notice(respondent.preferredLanguage, "notice.expired"));
            }
            Opening.Plan plan = Opening.plan(restart, choices(in, restart, session, respondent, now), in.input(), engine::isStop);
            session = start(plan, in, respondent, session, replies, now);
        }
        respondentData.saveChanges(respondent, loaded);
        return queue(in, respondent, replies, session, now);
    }

    /** What {@link Opening#route} needs; the menu and the invitations are read only where they can matter. */
    private Opening.Facts facts(Inbound in, Respondent respondent, SessionRecord session, SessionState state, String access,
                                Instant now) {
        Opening.Previous previous = null;
        if (session != null) {
            boolean confirming = state.confirmingDeletion();
            // "Delete my data" matters to the route only once the session ended (during it, the engine handles it).
            boolean delete = !confirming && Opening.Previous.ended(session.status)
                    && catalog.byVersionId(session.surveyVersionId).map(p -> engine.isDelete(p.version(), in.input())).orElse(false);
            previous = new Opening.Previous(session.status, confirming, delete);
        }
        boolean ended = previous == null || previous.ended();
        String menuChoice = ended && in.start() == null ? menuChoice(in.input(), session == null) : null;
        boolean couldMatter = previous != null && ended && !previous.expired() && in.start() == null && menuChoice == null
                && !previous.confirmingDeletion() && !previous.deleteCommand();
        Boolean invited = couldMatter ? waveInvites.pending(respondent.id, now, false).isPresent() : null;
        return new Opening.Facts(in.input(), in.start() == null ? null : in.start().surveyId(), access,
                respondent.preferredLanguage, previous, menuChoice, invited);
    }

    /** What a step of the session did: its replies, and whether they were erased or asked to start again. */
    private record Stepped(List<Outbound> replies, boolean erased, boolean restart) {
    }

    /** The message goes to the session's engine; the answers, events and state are stored. */
    private Stepped step(Inbound in, Respondent respondent, SessionRecord session, SessionState state, boolean ended,
                         Instant now) {
        PublishedSurvey survey = catalog.byVersionId(session.surveyVersionId).orElseThrow(() ->
                new IllegalStateException("Session refers to an unknown survey version"));
        // Their last message failed for good: what they type now cannot answer a question they never saw.
        Input input = ended ? in.input() : lostReply.forEngine(in, respondent.id, state, i -> engine.isCommand(survey.version(), i));
        StepResult result = engine.step(survey.version(), state, input, now);
        boolean restart = apply(result, session, survey, respondent, in, now);
        List<Outbound> replies = new ArrayList<>(result.messages());
        for (SessionEvent event : result.events()) {
            if (event instanceof SessionEvent.AccessRequested a) {
                // The summary first, then the current question again.
                accessSummary.forRespondent(respondent.id, a.language(), now).ifPresent(m -> replies.add(0, m));
            }
        }
        if (result.events().stream().anyMatch(e -> e instanceof SessionEvent.DeletionConfirmed)) {
            // Everything about them goes; the confirmation is purged once it has gone.
            erasure.erase(respondent.id, RespondentErasure.RESPONDENT, now);
            return new Stepped(replies, true, false);
        }
        return new Stepped(replies, false, restart);
    }

    /** What {@link Opening#plan} chooses from, read once a survey is to start. */
    private Opening.Choices choices(Inbound in, Opening.Restart restart, SessionRecord previous, Respondent respondent,
                                    Instant now) {
        Optional<Opening.Candidate> linked = Optional.empty();
        if (in.start() != null) {
            // An invitation link or the preview must name a survey that exists and is not retired.
            String id = in.start().surveyId();
            if (id == null || catalog.isRetired(id)) {
                throw new NoSurveyException(String.valueOf(id));
            }
            Optional<Opening.Candidate> wave = waveInvites.forSurvey(respondent.id, id).flatMap(this::candidate);
            linked = Optional.of(wave.orElseGet(() -> Opening.Candidate.open(catalog.latest(id)
                    .orElseThrow(() -> new NoSurveyException(id)))));
        }
        Optional<Opening.Candidate> invited = linked.isPresent() ? Optional.empty()
                : waveInvites.pending(respondent.id, now, restart.explicit()).flatMap(this::candidate);
        List<PublishedSurvey> open = openToAnyone();
        Optional<PublishedSurvey> again = previous == null ? Optional.empty() : catalog.byVersionId(previous.surveyVersionId)
                .filter(p -> !catalog.isRetired(p.surveyId())).flatMap(p -> catalog.latest(p.surveyId()));
        Optional<String> configured = config.surveys().defaultSurvey();
        Optional<PublishedSurvey> byDefault = configured.flatMap(id -> open.stream().filter(p -> p.surveyId().equals(id))
                .findFirst().or(() -> catalog.isRetired(id) ? Optional.empty() : catalog.latest(id)));
        return new Opening.Choices(linked, invited, open, again, configured.isPresent(), byDefault);
    }

    /** Does what the plan says; returns the session the message went to. */
    private SessionRecord start(Opening.Plan plan, Inbound in, Respondent respondent, SessionRecord session,
                                List<Outbound> replies, Instant now) {
        if (plan instanceof Opening.OptOut out) {
            respondent.optedOutAt = now;
            replies.add(notice(out.candidate().language(), "panel.opted_out"));
            return session;
        }
        if (plan instanceof Opening.Start s) {
            Opening.Candidate planned = s.candidate();
            PublishedSurvey survey = planned.survey();
            SessionRecord created = sessions.create(respondent.id, survey.versionId(), in.channel(), in.preview(), now);
            if (planned.waveId() != null) {
                created.waveId = planned.waveId();
                waveInvites.attach(created.waveId, respondent.id, created.id);
            }
            // Starting a survey again is coming back to the panel after a stop.
            respondent.optedOutAt = null;
            Input.Start start = LanguageChoice.forInbound(in, respondent, planned.language());
            StepResult result = engine.step(survey.version(), null, start, now);
            apply(result, created, survey, respondent, in, now);
            replies.addAll(result.messages());
            return created;
        }
        Input.Start language = LanguageChoice.forInbound(in, respondent, null);
        replies.addAll(OpeningMenu.offer(ui, openToAnyone().stream().map(PublishedSurvey::version).toList(),
                language.language() != null ? language.language() : language.languageHint()));
        return session;
    }

    /** Queues the replies and tells the sender; {@code respondent} null: unknown, or just erased. */
    private Outcome queue(Inbound in, Respondent respondent, List<Outbound> replies, SessionRecord session, Instant now) {
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

    private Optional<Opening.Candidate> candidate(WaveInvite invite) {
        return catalog.byVersionId(invite.surveyVersionId())
                .map(p -> new Opening.Candidate(p, invite.waveId(), invite.language()));
    }

    /** A notice from Stem itself in {@code language} (or the fallback when Stem has no texts in it). */
    private Outbound notice(String language, String key) {
        String lang = language != null && ui.byLanguage().containsKey(language) ? language : UiTexts.FALLBACK_LANGUAGE;
        return new Outbound(Outbound.Kind.NOTICE, ui.pattern(lang, key), List.of(), nl.stem.language.Languages.isRightToLeft(lang), null);
    }

    private List<PublishedSurvey> openToAnyone() {
        return catalog.current().stream().filter(p -> p.version().survey().openToAnyone()).toList();
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
