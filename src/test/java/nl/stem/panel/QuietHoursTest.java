package nl.stem.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class QuietHoursTest {
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0));
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    void nextAllowed_inTheAfternoon_isNow() {
        Instant due = Instant.parse("2026-12-01T13:00:00Z");
        assertEquals(due, NIGHT.nextAllowed(due, AMSTERDAM));
    }

    @Test
    void nextAllowed_lateEvening_isNineNextMorningInTheMembersZone() {
        assertEquals(Instant.parse("2026-12-02T08:00:00Z"), NIGHT.nextAllowed(Instant.parse("2026-12-01T22:30:00Z"), AMSTERDAM));
        // 22:30Z is 03:00 in Kabul (UTC+4:30): quiet until 09:00 there, the same day.
        assertEquals(Instant.parse("2026-12-02T04:30:00Z"),
                NIGHT.nextAllowed(Instant.parse("2026-12-01T22:30:00Z"), ZoneId.of("Asia/Kabul")));
        // 22:30Z is 17:30 in New York: not quiet.
        assertEquals(Instant.parse("2026-12-01T22:30:00Z"),
                NIGHT.nextAllowed(Instant.parse("2026-12-01T22:30:00Z"), ZoneId.of("America/New_York")));
    }

    @Test
    void nextAllowed_earlyMorning_isNineTheSameDay() {
        assertEquals(Instant.parse("2026-12-01T08:00:00Z"), NIGHT.nextAllowed(Instant.parse("2026-12-01T05:59:00Z"), AMSTERDAM));
    }

    @Test
    void nextAllowed_atTheEdges_startIsQuietEndIsNot() {
        assertEquals(Instant.parse("2026-12-02T08:00:00Z"), NIGHT.nextAllowed(Instant.parse("2026-12-01T20:00:00Z"), AMSTERDAM));
        assertEquals(Instant.parse("2026-12-01T08:00:00Z"), NIGHT.nextAllowed(Instant.parse("2026-12-01T08:00:00Z"), AMSTERDAM));
    }

    @Test
    void nextAllowed_windowWithinOneDay_andNoWindow() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 30));
        assertEquals(Instant.parse("2026-12-01T12:30:00Z"), lunch.nextAllowed(Instant.parse("2026-12-01T11:15:00Z"), AMSTERDAM));
        QuietHours none = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        assertEquals(Instant.parse("2026-12-01T23:15:00Z"), none.nextAllowed(Instant.parse("2026-12-01T23:15:00Z"), AMSTERDAM));
    }

    @Test
    void nextAllowed_acrossTheSpringDaylightSavingChange_keepsNineLocal() {
        // Night of 28-29 March 2026: clocks go from 02:00 to 03:00 in Amsterdam; 09:00 is then UTC+2.
        assertEquals(Instant.parse("2026-03-29T07:00:00Z"), NIGHT.nextAllowed(Instant.parse("2026-03-28T23:00:00Z"), AMSTERDAM));
    }
}
