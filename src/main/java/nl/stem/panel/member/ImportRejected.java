package nl.stem.panel.member;

import java.util.List;

import nl.stem.api.Problem;
import nl.stem.api.StemException;

/**
 * A member import refused as a whole, with every problem as details: a bad header (400, each
 * {@link HeaderProblem}) or rejected rows (422, each {@link RowProblem}). Nothing was stored.
 */
public class ImportRejected extends StemException {
    private final transient List<?> details;

    private ImportRejected(int status, String code, String message, List<?> details) {
        super(status, code, message);
        this.details = List.copyOf(details);
    }

    static ImportRejected header(List<HeaderProblem> problems) {
        return new ImportRejected(400, "bad_header", "The header line has " + problems.size() + " problem(s); "
                + "expected member_id, channel, whatsapp_number, language, optionally time_zone and consent, "
                + "then attribute columns", problems);
    }

    static ImportRejected rows(List<RowProblem> problems, int rows) {
        return new ImportRejected(422, "rows_rejected", problems.size() + " of " + rows
                + " row(s) rejected; nothing was imported. Fix them and send the whole file again", problems);
    }

    /** Every problem: {@link HeaderProblem}s for a bad header, {@link RowProblem}s for rejected rows. */
    public List<?> details() {
        return details;
    }

    /** The problem response. */
    public Problem problem() {
        return new Problem(status(), code(), getMessage(), details);
    }
}
