package nl.stem.api.export;

import java.util.List;

import nl.stem.survey.model.Choice;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.SurveyVersion;

/**
 * One answerable question across the exported versions.
 *
 * @param question  its definition in the newest version that has it
 * @param version   that newest version (for texts)
 * @param choices   for choice questions, the union of the choices over the versions, in order
 * @param versions  the version numbers that ask it
 */
public record QuestionColumn(Question question, SurveyVersion version, List<Choice> choices, List<Integer> versions) {
    public String id() {
        return question.id();
    }
}
