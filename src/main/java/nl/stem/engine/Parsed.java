package nl.stem.engine;

import nl.stem.survey.model.AnswerValue;

import java.util.List;
import java.util.Map;

/** What an input means for the current question: a closed set, so the engine handles every case. */
sealed interface Parsed {

    /** A valid answer. Example: {@code new Ok(AnswerValue.scale(4), "٤")}. */
    record Ok(AnswerValue value, String raw) implements Parsed {
    }

    /** The input does not fit; say {@code key} (a UI text) and ask again. Example: {@code new Reprompt("reprompt.scale", Map.of("min", 1, "max", 5))}. */
    record Reprompt(String key, Map<String, Object> args) implements Parsed {
        Reprompt(String key) {
            this(key, Map.of());
        }
    }

    /** Consent was refused (button "no", {@code words.no} or the "No" label typed). */
    record Refused(String raw) implements Parsed {
    }

    /** A multiple-choice button was toggled; the selection so far, not yet confirmed. Example: {@code new Selection(List.of("work", "school"))}. */
    record Selection(List<String> choiceIds) implements Parsed {
    }
}
