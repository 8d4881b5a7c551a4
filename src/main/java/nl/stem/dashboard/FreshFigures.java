package nl.stem.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Figures computed at most once at a time per key and reused while fresh enough, so a dashboard
 * that many coordinators poll costs one computation per {@code maxAge}, not one per request.
 * <ul>
 * <li>younger than {@code maxAge}: served as they are;</li>
 * <li>younger than {@code maxStale}: served at once, and one recomputation starts in the background;</li>
 * <li>older, or none yet: the caller waits for a computation (shared with every other caller of that key).</li>
 * </ul>
 * A {@code maxAge} of zero turns the reuse off: every call computes. A failed computation is not
 * kept; its exception reaches the callers that waited for it. Example:
 * {@code figures.get(new Key(7, "region"), () -> compute(7, "region"))}.
 */
final class FreshFigures<K, V> {

    /** Figures and the moment they were computed. */
    record Dated<V>(V value, Instant at) {
    }

    private final Clock clock;
    private final Duration maxAge;
    private final Duration maxStale;
    private final Executor executor;
    private final Map<K, Slot<V>> slots = new ConcurrentHashMap<>();

    private static final class Slot<V> {
        Dated<V> latest;
        CompletableFuture<Dated<V>> running;
    }

    FreshFigures(Clock clock, Duration maxAge, Duration maxStale, Executor executor) {
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxStale = maxStale.compareTo(maxAge) < 0 ? maxAge : maxStale;
        this.executor = executor;
    }

    /** The figures for {@code key}, computed by {@code compute} when there are none fresh enough. */
    Dated<V> get(K key, Supplier<V> compute) {
        if (maxAge.isZero() || maxAge.isNegative()) {
            return new Dated<>(compute.get(), clock.instant());
        }
        prune();
        Slot<V> slot = slots.computeIfAbsent(key, k -> new Slot<>());
        CompletableFuture<Dated<V>> wait;
        synchronized (slot) {
            Dated<V> latest = slot.latest;
            Duration age = latest == null ? null : Duration.between(latest.at(), clock.instant());
            if (age != null && age.compareTo(maxAge) <= 0) {
                return latest;
            }
            wait = slot.running == null ? start(slot, compute) : slot.running;
            if (age != null && age.compareTo(maxStale) <= 0) {
                return latest;
            }
        }
        try {
            return wait.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Forgets every key's figures (for benchmarks that time a first view). */
    void clear() {
        slots.clear();
    }

    /** How many keys hold figures (for tests). */
    int size() {
        return slots.size();
    }

    /** Starts a computation for the slot; call holding the slot's lock. */
    private CompletableFuture<Dated<V>> start(Slot<V> slot, Supplier<V> compute) {
        CompletableFuture<Dated<V>> f = new CompletableFuture<>();
        slot.running = f; // before execute: an executor may run the work on this thread
        executor.execute(() -> {
            try {
                Instant at = clock.instant(); // the figures are of this moment or later
                Dated<V> dated = new Dated<>(compute.get(), at);
                synchronized (slot) {
                    slot.latest = dated;
                    slot.running = null;
                }
                f.complete(dated);
            } catch (RuntimeException | Error e) {
                synchronized (slot) {
                    slot.running = null;
                }
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** Forgets figures too old to be served (nobody asked for them for a while). */
    private void prune() {
        Instant cutoff = clock.instant().minus(maxStale);
        slots.entrySet().removeIf(e -> {
            Slot<V> s = e.getValue();
            synchronized (s) {
                return s.running == null && s.latest != null && s.latest.at().isBefore(cutoff);
            }
        });
    }
}
