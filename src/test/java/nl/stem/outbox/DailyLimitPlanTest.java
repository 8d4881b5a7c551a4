package nl.stem.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.stem.panel.QuietHours;

/** The daily-limit plan on its own: rolling 24 hours, what is booked already, quiet hours. */
class DailyLimitPlanTest {
    static final Duration DAY = Duration.ofHours(24);
    static final Instant T = Instant.parse("2031-03-04T09:30:00Z");

    private static List<SendWindow> anyTime(int n) {
        return Collections.nCopies(n, SendWindow.ANY_TIME);
    }

    @Test
    void sevenMessages_limitThree_goThreeAndThreeAndOne_aDayApart() {
        Instant[] plan = DailyLimitPlan.plan(3, DAY, List.of(), Collections.nCopies(7, T), anyTime(7));
        assertEquals(List.of(T, T, T, T.plus(DAY), T.plus(DAY), T.plus(DAY), T.plus(DAY.multipliedBy(2))), List.of(plan));
    }

    @Test
    void bookedConversations_takePlaces_untilTheyLeaveTheWindow() {
        // Started 22 h and 1 h ago; limit 3: one place now, the next when the 22-hour-old one leaves the window.
        Instant[] plan = DailyLimitPlan.plan(3, DAY, List.of(T.minus(Duration.ofHours(1)), T.minus(Duration.ofHours(22))),
                Collections.nCopies(3, T), anyTime(3));
        assertEquals(List.of(T, T.plus(Duration.ofHours(2)), T.plus(Duration.ofHours(23))), List.of(plan));
    }

    @Test
    void aMessageMovedToTheNextDay_landsOutsideTheMembersQuietHours() {
        QuietHours quiet = new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0));
        ZoneId kabul = ZoneId.of("Asia/Kabul");
        SendWindow window = at -> quiet.nextAllowed(at, kabul);
        // 18:00Z is 22:30 in Kabul: the second message's place frees at 18:00Z the next day, in Kabul's quiet hours.
        Instant evening = Instant.parse("2031-03-04T18:00:00Z");
        Instant[] plan = DailyLimitPlan.plan(1, DAY, List.of(), List.of(evening, evening), List.of(window, window));
        assertEquals(evening, plan[0]);
        assertEquals(Instant.parse("2031-03-06T04:30:00Z"), plan[1], "09:00 in Kabul after the place freed");
    }

    @Test
    void messagesInAnyOrder_areEachPlacedAtOrAfterTheirOwnTime() {
        Instant later = T.plus(Duration.ofHours(5));
        Instant[] plan = DailyLimitPlan.plan(2, DAY, List.of(), List.of(later, T, T), anyTime(3));
        assertEquals(T.plus(DAY), plan[0], "the latest comes last and waits for the first place to free");
        assertEquals(T, plan[1]);
        assertEquals(T, plan[2]);
    }
}
