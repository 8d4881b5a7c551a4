package nl.stem.engine;

import nl.stem.survey.model.AnswerValue;
import nl.stem.survey.model.Condition;

import java.util.Set;
import java.util.function.Predicate;

/** Test-only skip logic built from lambdas; the real expression parser belongs to the survey package. */
final class TestConditions {
    private TestConditions() {
    }

    static Condition of(String source, Set<String> references, Predicate<Condition.AnswerLookup> test) {
        return new Condition() {
            @Override
            public boolean test(AnswerLookup answers) {
                return test.test(answers);
            }

            @Override
            public Set<String> references() {
                return references;
            }

            @Override
            public String source() {
                return source;
            }
        };
    }

    /** {@code <question> == <choice>} for a single-choice answer. */
    static Condition choiceIs(String questionId, String choiceId) {
        return of(questionId + " == " + choiceId, Set.of(questionId), a -> {
            AnswerValue v = a.get(questionId);
            return v != null && v.choices().contains(choiceId);
        });
    }

    /** {@code <question> != <choice>}; true when not answered, like the expression language's != on empty. */
    static Condition choiceIsNot(String questionId, String choiceId) {
        return of(questionId + " != " + choiceId, Set.of(questionId), a -> {
            AnswerValue v = a.get(questionId);
            return v == null || !v.choices().contains(choiceId);
        });
    }
}
