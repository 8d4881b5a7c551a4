package nl.stem.dashboard;

import java.math.BigDecimal;

/**
 * The shares of applicable questions answered that separate break-off (R), partial (P) and
 * complete (I). Example: {@code new Thresholds(0.5, 0.8)}: 4 of 5 answered is I, 3 of 5 is P,
 * 2 of 5 is R.
 */
public record Thresholds(BigDecimal partial, BigDecimal complete) {
    public Thresholds {
        if (partial.signum() <= 0 || partial.compareTo(complete) > 0 || complete.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("Dashboard thresholds must satisfy 0 < stem.dashboard.partial-threshold ("
                    + partial + ") <= stem.dashboard.complete-threshold (" + complete + ") <= 1");
        }
    }

    static Thresholds of(DashboardConfig config) {
        return new Thresholds(config.partialThreshold(), config.completeThreshold());
    }
}
