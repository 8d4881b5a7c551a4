package nl.stem.survey.logic;

import java.util.ArrayList;
import java.util.List;

import nl.stem.survey.model.AnswerValue;
import nl.stem.survey.model.Condition.AnswerLookup;

/** The answer to an earlier question, by id. */
public record QuestionRef(String questionId) implements Operand {

    @Override
    public List<Object> values(AnswerLookup answers) {
        AnswerValue a = answers.get(questionId);
        if (a == null || !a.answered()) {
            return null;
        }
        return switch (a.kind()) {
            // CONSENT carries "yes" as its choice, so consent == 'yes' reads naturally
            case CHOICE, CHOICES, CONSENT -> new ArrayList<>(a.choices());
            case NUMBER, SCALE -> a.number() == null ? null : List.of(a.number());
            case TEXT -> a.text() == null ? null : List.of(a.text());
            // a media answer has no value to compare; answered(q) still sees it
            case MEDIA -> List.of();
            case SKIPPED, NOT_APPLICABLE -> null;
        };
    }

    @Override
    public String source() {
        return questionId;
    }
}
