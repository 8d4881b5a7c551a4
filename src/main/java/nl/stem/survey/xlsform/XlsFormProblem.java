package nl.stem.survey.xlsform;

import java.util.Locale;

import nl.stem.survey.SurveyProblem.Severity;

/**
 * One finding about an XLSForm, named by sheet, row and column as a spreadsheet shows them:
 * {@code survey!F14: 'relevant' refers to unknown question 'agee'}.
 *
 * @param sheet  the sheet's name, or null when the problem is about the whole file
 * @param row    1-based row, 0 when about the whole sheet
 * @param column 1-based column, 0 when about a whole row or sheet
 * @param header the column's header ({@code relevant}, {@code label::Arabic (ar)}), or null
 */
public record XlsFormProblem(Severity severity, String sheet, int row, int column, String header, String message) {

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The cell as a spreadsheet names it ({@code F14}), the row ({@code 14}), or null. */
    public String cell() {
        if (row <= 0) {
            return column > 0 ? Cells.columnName(column) : null;
        }
        return column > 0 ? Cells.columnName(column) + row : String.valueOf(row);
    }

    /** {@code survey!F14}, {@code survey!14}, {@code survey} or {@code workbook}. */
    public String where() {
        if (sheet == null) {
            return "workbook";
        }
        String c = cell();
        return c == null ? sheet : sheet + "!" + c;
    }

    @Override
    public String toString() {
        String level = severity == Severity.ERROR ? "" : severity.name().toLowerCase(Locale.ROOT) + ": ";
        return where() + ": " + level + message;
    }
}
