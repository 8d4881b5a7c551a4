package nl.stem.survey.model;

/**
 * A message without an answer; the survey moves straight on.
 * Example: {@code {id: intro, type: info, text: "Nu volgen 11 vragen over werk."}}
 */
public record InfoQuestion(QuestionHead head) implements Question {
    @Override
    public String type() {
        return "info";
    }

    @Override
    public boolean answerable() {
        return false;
    }
}
