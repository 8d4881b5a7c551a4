package nl.stem.survey.logic;

/**
 * A condition that does not parse. The message names the 1-based column, e.g.
 * {@code expected ')' at column 17}, so a researcher can find the spot in the survey file.
 */
public final class ConditionSyntaxException extends Exception {
    private final int column;

    public ConditionSyntaxException(String message, int column) {
        this(message, column, null);
    }

    /** {@code found} describes what was there instead, e.g. "end of condition"; may be null. */
    public ConditionSyntaxException(String message, int column, String found) {
        super(message + " at column " + column + (found == null ? "" : ", found " + found));
        this.column = column;
    }

    public int column() {
        return column;
    }
}
