package nl.stem.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import nl.stem.survey.model.AnswerValue;

/**
 * Everything the engine needs to continue a session; stored as JSON in the sessions table.
 *
 * @param status          where the session is
 * @param language        the respondent's language, null until chosen
 * @param currentQuestion the question awaiting an answer, null when none
 * @param answers         answers so far by question id (for skip logic), insertion ordered
 * @param selection       choices toggled so far on the current multiple-choice question
 * @param reprompts       consecutive re-prompts on the current question
 * @param confirmingDeletion true while waiting for the respondent to confirm "delete my data"
 * @param startedAt       when the session started
 * @param updatedAt       when the last input was handled
 * @param languageMenu    the language menu's order as last shown (the channel's guesses first), so a
 *                        typed "2" means the second line the respondent saw; empty when not shown
 * @param audioOff        true when the respondent switched reading questions aloud off
 */
public record SessionState(Status status, String language, String currentQuestion, Map<String, AnswerValue> answers,
                           List<String> selection, int reprompts, boolean confirmingDeletion,
                           Instant startedAt, Instant updatedAt, List<String> languageMenu, boolean audioOff) {

    /** A state with questions read aloud (the default). */
    public SessionState(Status status, String language, String currentQuestion, Map<String, AnswerValue> answers,
                        List<String> selection, int reprompts, boolean confirmingDeletion,
                        Instant startedAt, Instant updatedAt, List<String> languageMenu) {
        this(status, language, currentQuestion, answers, selection, reprompts, confirmingDeletion, startedAt, updatedAt,
                languageMenu, false);
    }

    public enum Status {
        /** Waiting for the respondent to pick a language from the menu. */
        CHOOSING_LANGUAGE,
        /** Waiting for an answer to {@code currentQuestion}. */
        ACTIVE,
        /** Paused by the respondent; the next message resumes. */
        PAUSED,
        COMPLETED,
        STOPPED,
        REFUSED;

        /** Whether the session has ended for good. */
        public boolean finished() {
            return this == COMPLETED || this == STOPPED || this == REFUSED;
        }
    }

    public SessionState {
        answers = answers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(answers));
        selection = selection == null ? List.of() : List.copyOf(selection);
        // Sessions stored before the menu order was kept have none: the menu is then rebuilt as before.
        languageMenu = languageMenu == null ? List.of() : List.copyOf(languageMenu);
    }
}
