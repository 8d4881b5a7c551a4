package nl.stem.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import nl.stem.worker.Backoff;

/** Backoff and token bucket arithmetic, without a database or real time. */
class BackoffAndBucketTest {

    @Test
    void backoff_whenAttemptsGrow_doublesWithinJitterUpToMax() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10));
        for (int i = 0; i < 200; i++) {
            assertBetween(b.delay(1), 500, 1000);
            assertBetween(b.delay(2), 1000, 2000);
            assertBetween(b.delay(3), 2000, 4000);
            assertBetween(b.delay(5), 5000, 10_000);
            assertBetween(b.delay(60), 5000, 10_000);
        }
    }

    @Test
    void tokenBucket_whenBurstReserved_pacesAtTheRate() {
        AtomicLong now = new AtomicLong(0);
        TokenBucket bucket = new TokenBucket(1, now::get);
        assertEquals(0, bucket.reserve(10));
        assertEquals(100_000_000L, bucket.reserve(10));
        assertEquals(200_000_000L, bucket.reserve(10));
        now.set(2_000_000_000L); // idle for long: only one token saved up
        assertEquals(0, bucket.reserve(10));
        assertEquals(100_000_000L, bucket.reserve(10));
    }

    private static void assertBetween(Duration d, long loMs, long hiMs) {
        assertTrue(d.toMillis() >= loMs && d.toMillis() <= hiMs, d.toMillis() + " not in [" + loMs + ", " + hiMs + "]");
    }
}
