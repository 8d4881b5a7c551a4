package nl.stem.survey.logic;

import java.math.BigDecimal;
import java.util.List;

import nl.stem.survey.model.Condition.AnswerLookup;

/** {@code 3}, {@code 2.5}, {@code -1}. */
public record NumberLiteral(BigDecimal value) implements Literal {
    @Override
    public List<Object> values(AnswerLookup answers) {
        return List.of(value);
    }

    @Override
    public String source() {
        return value.toPlainString();
    }
}
