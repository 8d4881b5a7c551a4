package nl.stem.api;

import java.util.List;

/** The body of every 4xx/5xx answer: a status, a stable code, a human message, and details where useful. */
public record Problem(int status, String code, String message, List<?> details) {
    public Problem(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    public Problem(ErrorCode code, String message) {
        this(code.status(), code.code(), message, List.of());
    }

    public Problem(ErrorCode code, String message, List<?> details) {
        this(code.status(), code.code(), message, details);
    }
}
