package nl.stem.worker;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with "equal jitter": for attempt n the delay is drawn from
 * [d/2, d] where d = min(max, base * 2^(n-1)). Jitter keeps many failed messages (e.g. after a
 * provider outage) from retrying in one burst; the lower half keeps the delay growing.
 */
public record Backoff(Duration base, Duration max) {

    /** The delay before retry number {@code attempt} (1 = first retry). */
    public Duration delay(int attempt) {
        long baseMs = Math.max(1, base.toMillis());
        long maxMs = Math.max(baseMs, max.toMillis());
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long d = baseMs << shift;
        if (d <= 0 || d > maxMs) {
            d = maxMs;
        }
        long half = d / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(d - half + 1));
    }
}
