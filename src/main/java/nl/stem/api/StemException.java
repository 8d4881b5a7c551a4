package nl.stem.api;

/**
 * Caller misuse: carries the HTTP status and a stable code from the {@link ErrorCode} catalogue for
 * a problem response. Example: {@code new StemException(ErrorCode.BAD_DATE, "from must be a date")}.
 */
public class StemException extends RuntimeException {
    private final int status;
    private final String code;

    public StemException(ErrorCode code, String message) {
        this(code, code.status(), message);
    }

    /** The same case answered with another status than its usual one. */
    public StemException(ErrorCode code, int status, String message) {
        this(status, code.code(), message);
    }

    /** Prefer the {@link ErrorCode} constructors: codes spelled here are not in the catalogue's check. */
    public StemException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /**
     * The case {@code code} answered with its older spelling {@code alias}, which API clients of this
     * endpoint may depend on. Example: {@code alias(ErrorCode.WAVE_NOT_FOUND, "unknown_wave", 404, "No wave 7")}.
     */
    public static StemException alias(ErrorCode code, String alias, int status, String message) {
        if (!code.aliases().contains(alias)) {
            throw new IllegalArgumentException(alias + " is not an alias of " + code.code());
        }
        return new StemException(status, alias, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
