package nl.stem.survey.logic;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code 'x' in q}: true when x is among q's chosen values (or equals q's single value). */
public record InAnswer(Operand value, String questionId) implements Expr {
    @Override
    public boolean test(AnswerLookup answers) {
        List<Object> vs = value.values(answers);
        List<Object> chosen = new QuestionRef(questionId).values(answers);
        if (vs == null || chosen == null) {
            return false;
        }
        for (Object v : vs) {
            for (Object c : chosen) {
                if (Operator.EQ.holds(v, c)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public Set<String> references() {
        Set<String> s = new LinkedHashSet<>();
        if (value instanceof QuestionRef q) {
            s.add(q.questionId());
        } else if (value instanceof Count c) {
            s.add(c.questionId());
        }
        s.add(questionId);
        return s;
    }

    @Override
    public String source() {
        return value.source() + " in " + questionId;
    }
}
