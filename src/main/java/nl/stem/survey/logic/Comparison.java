package nl.stem.survey.logic;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code left op right}. With a multiple-choice answer {@code q == 'x'} holds when x is among the
 * chosen ones, and {@code q != 'x'} when it is not. Missing answers make it false, {@code !=} too,
 * so that "not answered" never passes for "answered something else".
 */
public record Comparison(Operand left, Operator op, Operand right) implements Expr {
    @Override
    public boolean test(AnswerLookup answers) {
        List<Object> ls = left.values(answers);
        List<Object> rs = right.values(answers);
        if (ls == null || rs == null || ls.isEmpty() || rs.isEmpty()) {
            return false;
        }
        if (op == Operator.NE) {
            // NE is "not EQ" over comparable values; a number and a string are not comparable
            for (Object l : ls) {
                for (Object r : rs) {
                    if (!Operator.sameType(l, r) || Operator.EQ.holds(l, r)) {
                        return false;
                    }
                }
            }
            return true;
        }
        for (Object l : ls) {
            for (Object r : rs) {
                if (op.holds(l, r)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public Set<String> references() {
        Set<String> s = new LinkedHashSet<>();
        if (left instanceof QuestionRef q) {
            s.add(q.questionId());
        }
        if (right instanceof QuestionRef q) {
            s.add(q.questionId());
        }
        if (left instanceof Count c) {
            s.add(c.questionId());
        }
        if (right instanceof Count c) {
            s.add(c.questionId());
        }
        return s;
    }

    @Override
    public String source() {
        return left.source() + " " + op.symbol() + " " + right.source();
    }
}
