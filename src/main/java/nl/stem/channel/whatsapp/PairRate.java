package nl.stem.channel.whatsapp;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Meta's pair rate for one business number: about one message every 6 seconds to one person, with
 * bursts borrowed from later (Meta error 131056 past it). A token bucket per recipient: {@code burst}
 * tokens, one back every {@code interval}. Per instance, like the other per-second limits. Example:
 * burst 45, interval 6 s: a 3-part reply goes at once; the 46th message within a few seconds waits 6 s.
 */
final class PairRate {
    /** Buckets kept at most; full ones are forgotten first (they would start full anyway). */
    private static final int MAX_TRACKED = 50_000;

    private final Clock clock;
    private final Duration interval;
    private final int burst;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

    PairRate(Clock clock, Duration interval, int burst) {
        this.clock = clock;
        this.interval = interval;
        this.burst = Math.max(1, burst);
    }

    /** Takes a token for one message to {@code recipient}; returns how long to wait when there is none (zero: send now). */
    Duration take(String recipient) {
        double perToken = Math.max(1, interval.toMillis());
        long now = clock.millis();
        if (buckets.size() > MAX_TRACKED) {
            buckets.entrySet().removeIf(e -> now - (long) e.getValue()[1] > perToken * burst);
        }
        double[] state = buckets.computeIfAbsent(recipient, r -> new double[] {burst, now});
        synchronized (state) {
            double tokens = Math.min(burst, state[0] + Math.max(0, now - (long) state[1]) / perToken);
            state[1] = now;
            if (tokens >= 1) {
                state[0] = tokens - 1;
                return Duration.ZERO;
            }
            state[0] = tokens;
            return Duration.ofMillis((long) Math.ceil((1 - tokens) * perToken));
        }
    }
}
