package nl.stem.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Meta's pair rate: one message per 6 s to one person, a burst of 45 borrowed from later. */
class PairRateTest {
    private Instant now = Instant.parse("2027-03-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void burst_thenOneMessageEverySixSeconds_perRecipient() {
        PairRate rate = new PairRate(clock, Duration.ofSeconds(6), 45);
        for (int i = 0; i < 45; i++) {
            assertEquals(Duration.ZERO, rate.take("whatsapp:+31600000001"), "message " + (i + 1) + " of the burst");
        }
        assertEquals(Duration.ofSeconds(6), rate.take("whatsapp:+31600000001"), "the 46th waits for a token");
        assertEquals(Duration.ZERO, rate.take("whatsapp:+31600000002"), "another person has a bucket of their own");
        now = now.plusSeconds(3);
        assertEquals(Duration.ofSeconds(3), rate.take("whatsapp:+31600000001"), "half a token back after 3 s");
        now = now.plusSeconds(3);
        assertEquals(Duration.ZERO, rate.take("whatsapp:+31600000001"));
        assertEquals(Duration.ofSeconds(6), rate.take("whatsapp:+31600000001"));
    }

    @Test
    void aThreePartReply_goesAtOnce_whenTheBurstAllows() {
        PairRate rate = new PairRate(clock, Duration.ofSeconds(6), 3);
        assertEquals(Duration.ZERO, rate.take("r"));
        assertEquals(Duration.ZERO, rate.take("r"));
        assertEquals(Duration.ZERO, rate.take("r"));
        assertEquals(Duration.ofSeconds(6), rate.take("r"), "a fourth part goes 6 s later");
    }
}
