package nl.stem.survey.logic;

import java.util.Set;

import nl.stem.survey.model.AnswerValue;

/** {@code empty(q)}: the opposite of {@link Answered}. */
public record Empty(String questionId) implements Expr {
    @Override
    public boolean test(AnswerLookup answers) {
        AnswerValue a = answers.get(questionId);
        return a == null || !a.answered();
    }

    @Override
    public Set<String> references() {
        return Set.of(questionId);
    }

    @Override
    public String source() {
        return "empty(" + questionId + ")";
    }
}
