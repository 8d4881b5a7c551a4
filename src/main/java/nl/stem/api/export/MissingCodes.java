package nl.stem.api.export;

import java.util.List;

/**
 * The missing-value codes in every export (and declared in the codebook, SPSS and Stata syntax).
 * An empty cell means "not (yet) asked": the session is still under way, or the question is not in
 * the session's survey version.
 */
public final class MissingCodes {
    /** The respondent stopped (or refused consent) before the question was reached. */
    public static final String REFUSED = "-77";
    /** An optional question the respondent skipped. */
    public static final String SKIPPED = "-88";
    /** "Not applicable" on a scale, or not asked because its condition ({@code when}) was false. */
    public static final String NOT_APPLICABLE = "-99";

    /** A code with its meaning. */
    public record Code(int code, String label, String meaning) {
    }

    public static final List<Code> ALL = List.of(
            new Code(-77, "refused/stopped", "the respondent stopped or refused before this question"),
            new Code(-88, "skipped", "an optional question the respondent skipped"),
            new Code(-99, "not applicable", "answered \"not applicable\", or not asked because its condition was false"));

    private MissingCodes() {
    }
}
