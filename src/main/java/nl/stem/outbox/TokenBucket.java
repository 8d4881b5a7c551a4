package nl.stem.outbox;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket for one channel's send rate. Callers reserve a token and sleep until it is theirs,
 * so waiting senders are served in arrival order. The rate is passed on every call so a sender may
 * change it at run time. With a capacity of one token sends are evenly paced: no second-long window
 * holds more than {@code rate} sends (one more at most at the window's edges).
 */
final class TokenBucket {
    private final double capacity;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    TokenBucket(double capacity) {
        this(capacity, System::nanoTime);
    }

    TokenBucket(double capacity, LongSupplier nanoTime) {
        this.capacity = capacity;
        this.nanoTime = nanoTime;
        this.tokens = capacity;
        this.last = nanoTime.getAsLong();
    }

    /** Reserves one token and returns how long to wait for it, in nanoseconds (0 = now). */
    synchronized long reserve(double perSecond) {
        long now = nanoTime.getAsLong();
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            last = now;
            return 0;
        }
        tokens = Math.min(capacity, tokens + (now - last) * perSecond / 1e9);
        last = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perSecond * 1e9);
    }

    /** Waits for one token. */
    void acquire(double perSecond) throws InterruptedException {
        long wait = reserve(perSecond);
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
