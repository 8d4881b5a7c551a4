package nl.stem.survey.model;

/**
 * One option of a choice question; {@code label} is the source-language text, translated under
 * {@code <question>.choice.<id>}.
 */
public record Choice(String id, String label) {
}
