package nl.stem.survey.logic;

import java.util.LinkedHashSet;
import java.util.Set;

/** {@code left or right}. */
public record Or(Expr left, Expr right) implements Expr {
    @Override
    public boolean test(AnswerLookup answers) {
        return left.test(answers) || right.test(answers);
    }

    @Override
    public Set<String> references() {
        Set<String> s = new LinkedHashSet<>(left.references());
        s.addAll(right.references());
        return s;
    }

    @Override
    public String source() {
        return "(" + left.source() + " or " + right.source() + ")";
    }
}
