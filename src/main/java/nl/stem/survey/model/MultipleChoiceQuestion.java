package nl.stem.survey.model;

import java.util.List;

/**
 * Pick one or more: typed as numbers or labels separated by spaces or commas ("1 3", "١،٣"), or
 * by tapping buttons and then "done".
 * Example: {@code {id: langs, type: multiple_choice, min: 1, max: 3, choices: [...]}}
 *
 * @param min at least this many choices (1 unless set)
 * @param max at most this many choices (0 = no limit)
 */
public record MultipleChoiceQuestion(QuestionHead head, List<Choice> choices, int min, int max) implements Question {
    public MultipleChoiceQuestion {
        choices = List.copyOf(choices);
    }

    @Override
    public String type() {
        return "multiple_choice";
    }
}
