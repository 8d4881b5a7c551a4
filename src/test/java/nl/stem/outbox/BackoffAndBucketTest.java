package nl.stem.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

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
    void sendBucketWaits_table() {
        // left after reserving n at 10/s -> each reservation's wait, in ms
        assertWaits(1 - 3, 3, 10, 0, 100, 200); // a full bucket: the first now, then every 100 ms
        assertWaits(0, 1, 10, 0);
        assertWaits(-5, 2, 10, 400, 500); // three reserved ahead of these two
        assertWaits(0.5 - 2, 2, 4, 125, 375); // half a token saved up at 4/s
    }

    private static void assertWaits(double left, int n, double perSecond, long... ms) {
        long[] waits = SendBuckets.waits(left, n, perSecond);
        assertEquals(ms.length, waits.length);
        for (int i = 0; i < ms.length; i++) {
            assertEquals(ms[i] * 1_000_000L, waits[i], "wait " + i + " of " + n + " with " + left + " left");
        }
    }

    private static void assertBetween(Duration d, long loMs, long hiMs) {
        assertTrue(d.toMillis() >= loMs && d.toMillis() <= hiMs, d.toMillis() + " not in [" + loMs + ", " + hiMs + "]");
    }
}
