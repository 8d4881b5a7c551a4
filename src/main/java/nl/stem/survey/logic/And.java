package nl.stem.survey.logic;

import java.util.LinkedHashSet;
import java.util.Set;

/** {@code left and right}. */
public record And(Expr left, Expr right) implements Expr {
    @Override
    public boolean test(AnswerLookup answers) {
        return left.test(answers) && right.test(answers);
    }

    @Override
    public Set<String> references() {
        Set<String> s = new LinkedHashSet<>(left.references());
        s.addAll(right.references());
        return s;
    }

    @Override
    public String source() {
        return "(" + left.source() + " and " + right.source() + ")";
    }
}
