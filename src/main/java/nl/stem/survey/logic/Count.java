package nl.stem.survey.logic;

import java.math.BigDecimal;
import java.util.List;

import nl.stem.survey.model.AnswerValue;
import nl.stem.survey.model.Condition.AnswerLookup;

/**
 * {@code count(q)}: how many choices q's answer holds (a multiple choice: the chosen ones; a single
 * choice or consent: 1), compared as a number. An unanswered, skipped or "not applicable" question
 * counts 0, as XLSForm's {@code count-selected} does, so {@code count(q) < 2} holds before q is
 * answered; write {@code answered(q) and count(q) < 2} to require an answer. Another answered kind
 * (a number, text or media) counts 1.
 */
public record Count(String questionId) implements Operand {

    @Override
    public List<Object> values(AnswerLookup answers) {
        AnswerValue a = answers.get(questionId);
        if (a == null || !a.answered()) {
            return List.of(BigDecimal.ZERO);
        }
        return switch (a.kind()) {
            case CHOICE, CHOICES, CONSENT -> List.of(BigDecimal.valueOf(a.choices().size()));
            default -> List.of(BigDecimal.ONE);
        };
    }

    @Override
    public String source() {
        return "count(" + questionId + ")";
    }
}
