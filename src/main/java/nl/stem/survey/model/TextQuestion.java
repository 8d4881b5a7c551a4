package nl.stem.survey.model;

/**
 * Free text up to {@code maxLength} user-perceived characters (default 4096).
 * Example: {@code {id: job_title, type: text, max_length: 200}}
 */
public record TextQuestion(QuestionHead head, int maxLength) implements Question {
    @Override
    public String type() {
        return "text";
    }
}
