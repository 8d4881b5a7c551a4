package nl.stem.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The service's clock in tests that move time by hand: real time plus an offset, so it still ticks
 * (sends, callbacks and answers keep their order) while a test jumps a day ahead. Enabled per test
 * profile ({@code getEnabledAlternatives}; no {@code @Priority}, so other tests keep the real clock); every bean that injects {@link Clock} then gets it.
 */
@Alternative
@Singleton
public class MovableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    /** From now on the clock reads {@code at} (and ticks on from there). */
    public void set(Instant at) {
        offset = Duration.between(Instant.now(), at);
    }

    /** Moves the clock ahead by {@code d}. */
    public void advance(Duration d) {
        offset = offset.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
