package nl.stem.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The send rate held across instances: two instances' buckets (two objects, as two processes
 * would hold) reserve from one row of the real database, and their sends together keep to it.
 */
@QuarkusTest
class SharedRateTest {
    @Inject
    DataSource ds;

    @Test
    void twoInstancesReservingAtOnce_shareOneRate() throws Exception {
        String channel = "rate-" + UUID.randomUUID();
        SendBuckets a = new SendBuckets(ds);
        SendBuckets b = new SendBuckets(ds);
        double perSecond = 10;
        List<CompletableFuture<long[]>> claims = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            SendBuckets instance = i % 2 == 0 ? a : b;
            claims.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return instance.reserve(channel, 4, perSecond);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        long[] all = claims.stream().flatMapToLong(f -> Arrays.stream(f.join())).sorted().toArray();
        assertEquals(20, all.length);
        // 20 sends at 10/s from a full bucket: one now, then one every 100 ms, whichever instance reserved.
        for (int k = 0; k < all.length; k++) {
            long expected = k * 100_000_000L;
            assertTrue(Math.abs(all[k] - expected) < 60_000_000L, "send " + k + " waits " + all[k] / 1e6 + " ms, not ~" + expected / 1e6);
        }
    }

    @Test
    void anUnlimitedChannel_neverWaits_andNeedsNoRow() throws Exception {
        assertEquals(0, Arrays.stream(new SendBuckets(ds).reserve("unlimited-" + UUID.randomUUID(), 3, Double.POSITIVE_INFINITY)).sum());
    }
}
