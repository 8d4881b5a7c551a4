package nl.stem.survey.logic;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code q in ['a', 'b']}: true when q's value (or any chosen value) is in the list. */
public record InList(Operand value, List<Literal> items) implements Expr {
    public InList {
        items = List.copyOf(items);
    }

    @Override
    public boolean test(AnswerLookup answers) {
        List<Object> vs = value.values(answers);
        if (vs == null) {
            return false;
        }
        for (Object v : vs) {
            for (Literal item : items) {
                if (Operator.EQ.holds(v, item.values(answers).get(0))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public Set<String> references() {
        return value instanceof QuestionRef q ? Set.of(q.questionId())
                : value instanceof Count c ? Set.of(c.questionId()) : Set.of();
    }

    @Override
    public String source() {
        return value.source() + " in [" + items.stream().map(Operand::source).collect(Collectors.joining(", ")) + "]";
    }
}
