package nl.stem.outbox;

import java.time.Instant;

/**
 * When a bulk message may arrive: the first allowed instant at or after a time, e.g. the end of the
 * member's quiet hours in their time zone. The daily-limit planner moves a message to a later day
 * and asks again, so it never lands in quiet hours.
 */
@FunctionalInterface
public interface SendWindow {
    SendWindow ANY_TIME = at -> at;

    Instant nextAllowed(Instant at);
}
