package nl.stem.api;

/** Caller misuse: carries the HTTP status and a stable code for a problem response. */
public class StemException extends RuntimeException {
    private final int status;
    private final String code;

    public StemException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
