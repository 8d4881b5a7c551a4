package nl.stem.survey.xlsform;

/**
 * One non-empty cell as read from a sheet.
 *
 * @param column 1-based column (A is 1)
 * @param value  its text: strings as written, numbers as plain decimals ({@code 1}, not {@code 1.0}),
 *               booleans as {@code true}/{@code false}; for a formula, its last computed value
 * @param kind   what the cell held
 */
public record SheetCell(int column, String value, Kind kind) {

    public enum Kind {
        TEXT, NUMBER, BOOLEAN,
        /** A formula: refused, the form must say what it means in plain values. */
        FORMULA,
        /** An error value such as {@code #N/A}. */
        ERROR,
        /** A number Excel shows as a date or time (what it makes of "1-5" typed into a cell). */
        DATE
    }

    public SheetCell {
        value = value == null ? "" : value;
    }

    public static SheetCell text(int column, String value) {
        return new SheetCell(column, value, Kind.TEXT);
    }
}
