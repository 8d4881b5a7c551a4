package nl.stem.panel.wave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Who a wave leaves out, and for which reason first. */
class CandidateTest {
    private static final Set<String> BOTH = Set.of("telegram", "whatsapp");
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    private static Candidate member(String channel, String providerId, Instant optedOut, Instant unreachable, int contacts) {
        return new Candidate(UUID.randomUUID(), "M1", channel, "ar", null, optedOut, providerId, unreachable, contacts);
    }

    @Test
    void exclusion_ofAReachableMemberUnderTheCap_isNone() {
        assertNull(member("whatsapp", "whatsapp:+31612345678", null, null, 3).exclusion(4, BOTH));
        assertNull(member("telegram", null, null, null, 0).exclusion(4, BOTH), "a Telegram member not linked yet gets a link");
    }

    @Test
    void exclusion_givesTheReasonInOrder() {
        assertEquals("opted_out", member("whatsapp", null, T, T, 9).exclusion(4, Set.of()));
        assertEquals("unreachable", member("telegram", "7001", null, T, 9).exclusion(4, Set.of()));
        assertEquals("no_identity", member("whatsapp", null, null, null, 9).exclusion(4, Set.of()));
        assertEquals("channel_not_configured", member("whatsapp", "whatsapp:+31612345678", null, null, 9).exclusion(4, Set.of("telegram")));
        assertEquals("channel_not_configured", member("telegram", null, null, null, 0).exclusion(4, Set.of("whatsapp")));
        assertEquals("frequency_cap", member("telegram", "7001", null, null, 4).exclusion(4, BOTH));
    }
}
