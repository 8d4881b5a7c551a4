package nl.stem.survey.model;

import java.math.BigDecimal;

/**
 * A number in any script ("42", "٤٢", "۴۲"); integer unless {@code decimal}; bounds inclusive and optional.
 * Example: {@code {id: years_nl, type: number, min: 0, max: 80}}
 */
public record NumberQuestion(QuestionHead head, boolean decimal, BigDecimal min, BigDecimal max) implements Question {
    @Override
    public String type() {
        return "number";
    }
}
