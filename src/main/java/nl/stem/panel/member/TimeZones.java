package nl.stem.panel.member;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * IANA time zones by name, case-insensitively: {@code europe/amsterdam} is {@code Europe/Amsterdam}.
 * Fixed offsets ({@code +01:00}) are refused: they ignore daylight saving time.
 * A member without a time zone has {@link #DEFAULT}.
 */
final class TimeZones {
    static final String DEFAULT = "Europe/Amsterdam";
    private static final Map<String, String> BY_LOWER_CASE = new HashMap<>();

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
            BY_LOWER_CASE.put(id.toLowerCase(Locale.ROOT), id);
        }
    }

    private TimeZones() {
    }

    /** The zone's IANA id as Java spells it, or empty when there is no such zone. */
    static Optional<String> normalise(String written) {
        return Optional.ofNullable(BY_LOWER_CASE.get(written.strip().toLowerCase(Locale.ROOT)));
    }
}
