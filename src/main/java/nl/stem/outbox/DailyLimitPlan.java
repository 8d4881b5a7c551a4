package nl.stem.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Plans business-initiated messages within a daily limit: at most {@code limit} of them in any
 * rolling {@code window} (24 h), counting the ones already started or booked. Pure: the store reads
 * the bookings and writes the plan. A message that does not fit goes when the oldest booking in its
 * window leaves it, moved on to the first time its {@link SendWindow} allows (quiet hours).
 *
 * <p>Example: limit 250, 600 new messages at 10:00 with nothing booked: 250 at 10:00, 250 the next
 * day at 10:00, 100 the day after. The plan looks back from each message (exact when new messages go
 * after what is booked, the usual case); the sender's check at send time keeps the limit in every case.
 */
final class DailyLimitPlan {
    /** A message moved this often is given up on planning: it goes when the sender's check lets it. */
    private static final int MAX_MOVES = 10_000;

    private DailyLimitPlan() {
    }

    /**
     * The planned time of each new message, in the order given. {@code booked} are the times already
     * counted (any order); {@code desired} and {@code windows} are the new messages'.
     */
    static Instant[] plan(int limit, Duration window, List<Instant> booked, List<Instant> desired, List<SendWindow> windows) {
        Instant[] out = new Instant[desired.size()];
        List<Instant> times = new ArrayList<>(booked.size() + desired.size());
        times.addAll(booked);
        Collections.sort(times);
        List<Integer> order = new ArrayList<>(desired.size());
        for (int i = 0; i < desired.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(desired::get));
        for (int i : order) {
            Instant t = desired.get(i);
            for (int moves = 0; moves < MAX_MOVES; moves++) {
                int lo = firstAfter(times, t.minus(window));
                int count = firstAfter(times, t) - lo;
                if (count < limit) {
                    break;
                }
                // When this booking leaves the window (its left end is open), one place is free.
                Instant free = times.get(lo + count - limit).plus(window);
                Instant next = windows.get(i).nextAllowed(free);
                t = next.isAfter(t) ? next : free.isAfter(t) ? free : t.plusMillis(1);
            }
            times.add(firstAfter(times, t), t);
            out[i] = t;
        }
        return out;
    }

    /** The index of the first time after {@code t} in the sorted list. */
    private static int firstAfter(List<Instant> sorted, Instant t) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).isAfter(t)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
