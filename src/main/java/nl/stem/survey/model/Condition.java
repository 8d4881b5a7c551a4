package nl.stem.survey.model;

import java.util.Set;

/**
 * Parsed skip logic over earlier answers (see {@code nl.stem.survey.logic}). Never evaluated by a
 * script engine.
 */
public interface Condition {

    /** Whether the condition holds for the answers given so far. */
    boolean test(AnswerLookup answers);

    /** Question ids the condition reads, for validation. */
    Set<String> references();

    /** The source text, as written. */
    String source();

    /** Answers given so far, by question id. */
    @FunctionalInterface
    interface AnswerLookup {
        /** The answer to {@code questionId}, or null when not asked or not yet answered. */
        AnswerValue get(String questionId);
    }
}
