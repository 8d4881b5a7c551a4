package nl.stem.engine;

import java.util.Map;

import nl.stem.survey.model.AnswerValue;
import nl.stem.survey.model.ConsentQuestion;
import nl.stem.survey.model.InfoQuestion;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.SurveyVersion;

/**
 * How far a session got, for response-rate categories (complete, partial, break-off). Info items
 * and the consent question do not count. Example: 9 of 12 questions answered, 2 skipped, the rest
 * still to come: {@code new Progress(9, 12)}.
 *
 * @param answered   questions answered, including "not applicable"; skipped ones are not answered
 * @param applicable questions the respondent was routed to or will be, given their answers so far
 */
public record Progress(int answered, int applicable) {

    /** The share answered; 0 when nothing is applicable. */
    public double share() {
        return applicable == 0 ? 0 : (double) answered / applicable;
    }

    /**
     * Counts over the survey in order: a question answered or skipped was applicable; one not reached
     * yet is applicable when its condition holds for the answers so far (unknown answers read as
     * "not asked", as in the flow itself).
     */
    public static Progress of(SurveyVersion version, SessionState state) {
        Map<String, AnswerValue> answers = state == null ? Map.of() : state.answers();
        int answered = 0;
        int applicable = 0;
        for (Question q : version.survey().questions()) {
            if (q instanceof InfoQuestion || q instanceof ConsentQuestion) {
                continue;
            }
            AnswerValue value = answers.get(q.id());
            if (value != null) {
                applicable++;
                if (value.kind() != AnswerValue.Kind.SKIPPED) {
                    answered++;
                }
            } else if (q.head().when() == null || q.head().when().test(answers::get)) {
                applicable++;
            }
        }
        return new Progress(answered, applicable);
    }
}
