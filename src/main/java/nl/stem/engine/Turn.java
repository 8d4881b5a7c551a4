package nl.stem.engine;

import nl.stem.survey.model.AnswerValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step in progress: a mutable copy of the session state plus the messages and events produced
 * so far. Lives only inside {@link SurveyEngine#step}; what leaves the engine is the immutable
 * {@link StepResult}.
 */
final class Turn {
    SessionState.Status status;
    String language;
    String currentQuestion;
    final Map<String, AnswerValue> answers;
    List<String> selection;
    int reprompts;
    boolean confirmingDeletion;
    List<String> languageMenu;
    boolean audioOff;
    final Instant startedAt;
    final List<Outbound> messages = new ArrayList<>();
    final List<SessionEvent> events = new ArrayList<>();

    private Turn(SessionState s) {
        status = s.status();
        language = s.language();
        currentQuestion = s.currentQuestion();
        answers = new LinkedHashMap<>(s.answers());
        selection = new ArrayList<>(s.selection());
        reprompts = s.reprompts();
        confirmingDeletion = s.confirmingDeletion();
        languageMenu = s.languageMenu();
        audioOff = s.audioOff();
        startedAt = s.startedAt();
    }

    static Turn of(SessionState s) {
        return new Turn(s);
    }

    static Turn fresh(Instant now) {
        return new Turn(new SessionState(SessionState.Status.CHOOSING_LANGUAGE, null, null, Map.of(), List.of(), 0,
                false, now, now, List.of()));
    }

    void send(Outbound o) {
        messages.add(o);
    }

    void emit(SessionEvent e) {
        events.add(e);
    }

    StepResult result(Instant now) {
        SessionState s = new SessionState(status, language, currentQuestion, answers, selection, reprompts,
                confirmingDeletion, startedAt, now, languageMenu, audioOff);
        return new StepResult(s, messages, events);
    }
}
