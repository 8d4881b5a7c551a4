package nl.stem.survey.xlsform;

import nl.stem.survey.SurveyProblem.Severity;

/**
 * A place in a workbook: sheet, 1-based row and column (0 when the whole row or sheet is meant),
 * and the column's header.
 */
record Loc(String sheet, int row, int column, String header) {
    static final Loc WORKBOOK = new Loc(null, 0, 0, null);

    static Loc sheet(String sheet) {
        return new Loc(sheet, 0, 0, null);
    }

    XlsFormProblem problem(Severity severity, String message) {
        return new XlsFormProblem(severity, sheet, row, column, header, message);
    }

    /** {@code survey!F14}, as in messages. */
    String where() {
        return problem(Severity.INFO, "").where();
    }
}
