package nl.stem.survey.model;

/**
 * Answered with one media file of the given kind: type {@code audio} (voice note or audio file),
 * {@code video} (video or round video note) or {@code image}.
 * Example: {@code {id: story, type: audio}}
 */
public record MediaQuestion(QuestionHead head, MediaKind kind) implements Question {
    @Override
    public String type() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
