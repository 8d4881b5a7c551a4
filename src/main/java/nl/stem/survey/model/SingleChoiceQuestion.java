package nl.stem.survey.model;

import java.util.List;

/**
 * Pick one. Answered by button, by number ("2", "٢") or by the label in the respondent's language.
 * Example: {@code {id: status, type: single_choice, choices: [{id: work, label: Ik werk}, {id: search, label: Ik zoek werk}]}}
 */
public record SingleChoiceQuestion(QuestionHead head, List<Choice> choices) implements Question {
    public SingleChoiceQuestion {
        choices = List.copyOf(choices);
    }

    @Override
    public String type() {
        return "single_choice";
    }
}
