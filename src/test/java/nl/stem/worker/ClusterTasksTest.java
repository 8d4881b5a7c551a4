package nl.stem.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Work that one of several instances does for all, on the real database: the lock and the record of what was done. */
@QuarkusTest
class ClusterTasksTest {
    private static final Duration WITHIN = Duration.ofMinutes(10);

    @Inject
    DataSource ds;

    private final String name = "test." + UUID.randomUUID();

    @Test
    void once_withTheSameSettingsInOneDeploy_runsOnce_andAgainLaterOrWithOtherSettings() throws Exception {
        Instant t = Instant.parse("2026-12-04T10:00:00Z");
        AtomicInteger runs = new AtomicInteger();
        assertTrue(ClusterTasks.once(ds, name, "url\nsecret", WITHIN, t, () -> runs.incrementAndGet() > 0));
        assertFalse(ClusterTasks.once(ds, name, "url\nsecret", WITHIN, t.plusSeconds(30), () -> runs.incrementAndGet() > 0),
                "the second replica of the deploy skips it");
        assertEquals(1, runs.get());
        assertTrue(ClusterTasks.once(ds, name, "url\nother secret", WITHIN, t.plusSeconds(60), () -> runs.incrementAndGet() > 0),
                "other settings: done again");
        assertTrue(ClusterTasks.once(ds, name, "url\nother secret", WITHIN, t.plusSeconds(60).plus(WITHIN).plusSeconds(1),
                () -> runs.incrementAndGet() > 0), "a restart after the deploy: done again");
        assertEquals(3, runs.get());
        assertEquals(ClusterTasks.sha256("url\nother secret"), stored(), "only the settings' hash is kept");
        assertFalse(stored().contains("secret"));
    }

    @Test
    void once_whenTheTaskFails_recordsNothing_soTheNextInstanceTriesAgain() throws Exception {
        Instant t = Instant.parse("2026-12-04T10:00:00Z");
        assertFalse(ClusterTasks.once(ds, name, "s", WITHIN, t, () -> false));
        assertEquals(null, stored());
        assertTrue(ClusterTasks.once(ds, name, "s", WITHIN, t.plusSeconds(1), () -> true));
    }

    @Test
    void ifFree_whileAnotherInstanceHoldsTheLock_skips_andRunsOnceItIsReleased() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread other = new Thread(() -> {
            try {
                ClusterLock.ifFree(ds, name, () -> {
                    holding.countDown();
                    return release.await(10, TimeUnit.SECONDS);
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        other.start();
        assertTrue(holding.await(10, TimeUnit.SECONDS));
        assertEquals(Optional.empty(), ClusterLock.ifFree(ds, name, () -> "ran"), "held elsewhere: skipped");
        release.countDown();
        other.join(10_000);
        assertEquals(Optional.of("ran"), ClusterLock.ifFree(ds, name, () -> "ran"), "released: runs");
    }

    @Test
    void ifFree_whenTheHoldersConnectionDies_isFreeAgain() throws Exception {
        // An instance killed mid-round: its connection ends, and PostgreSQL drops its advisory locks with it.
        try (Connection dying = ds.getConnection(); PreparedStatement ps = dying.prepareStatement(
                "select pg_try_advisory_lock(hashtext(?))")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next() && rs.getBoolean(1));
            }
            assertEquals(Optional.empty(), ClusterLock.ifFree(ds, name, () -> "ran"));
            try (PreparedStatement kill = dying.prepareStatement("select pg_terminate_backend(pg_backend_pid())")) {
                kill.execute();
            } catch (java.sql.SQLException expected) {
                // the server ends this very connection
            }
        }
        assertEquals(Optional.of("ran"), ClusterLock.ifFree(ds, name, () -> "ran"));
    }

    private String stored() throws Exception {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("select fingerprint from cluster_tasks where name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }
}
