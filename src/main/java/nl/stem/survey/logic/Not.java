package nl.stem.survey.logic;

import java.util.Set;

/** {@code not operand}. Note: {@code not (q == 'x')} is true when q was not answered. */
public record Not(Expr operand) implements Expr {
    @Override
    public boolean test(AnswerLookup answers) {
        return !operand.test(answers);
    }

    @Override
    public Set<String> references() {
        return operand.references();
    }

    @Override
    public String source() {
        return "not " + operand.source();
    }
}
