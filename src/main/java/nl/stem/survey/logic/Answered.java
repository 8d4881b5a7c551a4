package nl.stem.survey.logic;

import java.util.Set;

import nl.stem.survey.model.AnswerValue;

/** {@code answered(q)}: q has a real answer (not missing, skipped or "not applicable"). */
public record Answered(String questionId) implements Expr {
    @Override
    public boolean test(AnswerLookup answers) {
        AnswerValue a = answers.get(questionId);
        return a != null && a.answered();
    }

    @Override
    public Set<String> references() {
        return Set.of(questionId);
    }

    @Override
    public String source() {
        return "answered(" + questionId + ")";
    }
}
