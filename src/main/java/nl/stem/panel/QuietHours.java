package nl.stem.panel;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The hours no panel message may arrive, in the member's own time zone. A window may span
 * midnight (21:00-09:00). Example: with 21:00-09:00, a reminder due at 23:30 in Amsterdam goes at
 * 09:00 the next morning there; one due at 14:00 goes at 14:00. Equal start and end: no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    /** The first instant at or after {@code due} outside the quiet hours in {@code zone}. */
    public Instant nextAllowed(Instant due, ZoneId zone) {
        if (start.equals(end)) {
            return due;
        }
        ZonedDateTime local = due.atZone(zone);
        LocalTime t = local.toLocalTime();
        boolean spansMidnight = start.isAfter(end);
        boolean quiet = spansMidnight ? !t.isBefore(start) || t.isBefore(end) : !t.isBefore(start) && t.isBefore(end);
        if (!quiet) {
            return due;
        }
        ZonedDateTime endDay = spansMidnight && !t.isBefore(start) ? local.plusDays(1) : local;
        // atZone resolves a daylight-saving gap forward, so the result is never inside the window.
        return endDay.toLocalDate().atTime(end).atZone(zone).toInstant();
    }
}
