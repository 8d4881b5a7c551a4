package nl.stem.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import nl.stem.api.StemException;

/** Reuse, background refresh and single flight of a wave's figures, with a hand-moved clock. */
class FreshFiguresTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T10:00:00Z"));
    /** Background work waits here until the test runs it, so "served at once" can be seen. */
    private final Deque<Runnable> background = new ConcurrentLinkedDeque<>();
    private final FreshFigures<String, Integer> figures =
            new FreshFigures<>(clock, Duration.ofSeconds(5), Duration.ofSeconds(30), background::add);
    private final AtomicInteger computations = new AtomicInteger();

    private Integer compute() {
        return computations.incrementAndGet();
    }

    @Test
    void get_withNothingYet_waitsForTheComputation() throws Exception {
        FreshFigures.Dated<Integer> first = waitedFor("w7", "the caller waits: there is nothing to serve");
        assertEquals(1, first.value());
        assertEquals(clock.instant(), first.at());
    }

    @Test
    void get_withinMaxAge_servesTheSameFiguresWithoutComputing() throws Exception {
        FreshFigures.Dated<Integer> first = firstFigures("w7");
        clock.move(Duration.ofSeconds(5));
        assertSame(first, figures.get("w7", this::compute));
        assertEquals(1, computations.get());
        assertTrue(background.isEmpty());
    }

    @Test
    void get_whenStale_servesAtOnceAndRefreshesOnceInTheBackground() throws Exception {
        firstFigures("w7");
        clock.move(Duration.ofSeconds(12));
        assertEquals(1, figures.get("w7", this::compute).value(), "stale figures at once");
        assertEquals(1, figures.get("w7", this::compute).value(), "a second poll too");
        assertEquals(1, background.size(), "one refresh for both polls");
        background.poll().run();
        FreshFigures.Dated<Integer> refreshed = figures.get("w7", this::compute);
        assertEquals(2, refreshed.value());
        assertEquals(Instant.parse("2026-03-02T10:00:12Z"), refreshed.at());
    }

    @Test
    void get_whenOlderThanMaxStale_waitsForFreshFigures() throws Exception {
        firstFigures("w7");
        clock.move(Duration.ofSeconds(31));
        assertEquals(2, waitedFor("w7", "31 s old figures are not shown").value());
    }

    @Test
    void get_manyCallersAtOnce_computeOnce() throws Exception {
        FreshFigures<String, Integer> shared = new FreshFigures<>(clock, Duration.ofSeconds(5), Duration.ofSeconds(30),
                Executors.newSingleThreadExecutor());
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            Future<?>[] fs = new Future<?>[8];
            for (int i = 0; i < fs.length; i++) {
                fs[i] = callers.submit(() -> shared.get("w7", () -> {
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return computations.incrementAndGet();
                }).value());
            }
            Thread.sleep(200);
            release.countDown();
            for (Future<?> f : fs) {
                assertEquals(1, f.get(5, TimeUnit.SECONDS));
            }
            assertEquals(1, computations.get());
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void get_whenTheComputationFails_throwsItAndKeepsNothing() {
        FreshFigures<String, Integer> direct = new FreshFigures<>(clock, Duration.ofSeconds(5), Duration.ofSeconds(30), Runnable::run);
        StemException e = assertThrows(StemException.class, () -> direct.get("w404", () -> {
            throw new StemException(404, "wave_not_found", "No wave with id 404");
        }));
        assertEquals(404, e.status());
        assertEquals(7, direct.get("w404", () -> 7).value(), "the next call computes again");
    }

    @Test
    void get_keysAreSeparate_andOldOnesAreForgotten() {
        FreshFigures<String, Integer> direct = new FreshFigures<>(clock, Duration.ofSeconds(5), Duration.ofSeconds(30), Runnable::run);
        assertEquals(1, direct.get("w7", this::compute).value());
        assertEquals(2, direct.get("w7/region", this::compute).value());
        assertEquals(2, direct.size());
        clock.move(Duration.ofMinutes(1));
        assertEquals(3, direct.get("w8", this::compute).value());
        assertEquals(1, direct.size(), "figures nobody asked for in 30 s are dropped");
    }

    @Test
    void get_withMaxAgeZero_computesEveryTime() {
        FreshFigures<String, Integer> off = new FreshFigures<>(clock, Duration.ZERO, Duration.ofSeconds(30), background::add);
        assertEquals(1, off.get("w7", this::compute).value());
        assertEquals(2, off.get("w7", this::compute).value());
        assertTrue(background.isEmpty());
    }

    private FreshFigures.Dated<Integer> firstFigures(String key) throws Exception {
        FreshFigures.Dated<Integer> first = waitedFor(key, "there is nothing to serve yet");
        assertEquals(1, first.value());
        return first;
    }

    /**
     * Calls get() on another thread, checks that it waits for the computation it started (the
     * executor holds it), runs that computation here and gives what the caller got.
     */
    private FreshFigures.Dated<Integer> waitedFor(String key, String why) throws Exception {
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<FreshFigures.Dated<Integer>> f = caller.submit(() -> figures.get(key, this::compute));
            awaitBackground();
            assertTrue(!f.isDone(), why);
            background.poll().run();
            return f.get(5, TimeUnit.SECONDS);
        } finally {
            caller.shutdownNow();
        }
    }

    private void awaitBackground() {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (background.isEmpty() && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        assertTrue(!background.isEmpty(), "a computation was started");
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
