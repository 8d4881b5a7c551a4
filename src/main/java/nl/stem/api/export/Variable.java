package nl.stem.api.export;

/**
 * A column of the wide export: a question ({@code choice} null) or, for multiple choice, one
 * 0/1 column per choice named {@code <question>/<choice>}.
 *
 * @param numeric whether its values are numbers (scale, number, the 0/1 columns); otherwise text
 */
public record Variable(String name, QuestionColumn column, String choice, boolean numeric) {
}
