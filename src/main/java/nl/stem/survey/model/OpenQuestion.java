package nl.stem.survey.model;

/**
 * Answered with text or with a voice note or video (images too when {@code images}).
 * Example: {@code {id: advice, type: open, max_length: 4096}}
 */
public record OpenQuestion(QuestionHead head, int maxLength, boolean images) implements Question {
    @Override
    public String type() {
        return "open";
    }
}
