package nl.stem.survey.model;

/**
 * A Likert scale from {@code min} to {@code max} with labelled end points (translated under
 * {@code <id>.min_label} and {@code <id>.max_label}) and an optional "not applicable".
 * Example: {@code {id: help_uwv, type: scale, min: 1, max: 5, min_label: Heel slecht geholpen,
 * max_label: Heel goed geholpen, not_applicable: true}}
 */
public record ScaleQuestion(QuestionHead head, int min, int max, String minLabel, String maxLabel,
                            boolean notApplicable) implements Question {
    @Override
    public String type() {
        return "scale";
    }
}
