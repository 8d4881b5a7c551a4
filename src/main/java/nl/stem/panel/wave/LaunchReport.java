package nl.stem.panel.wave;

import java.time.Instant;
import java.util.Map;

/**
 * What a launch did. Example: 480 invited (20 of them by a Telegram link to hand out), 12 left out
 * because they opted out and 3 because of the contact-frequency cap.
 *
 * @param wave       the new wave's id
 * @param invited    members in the wave
 * @param messages   invitations queued as messages
 * @param links      Telegram members not linked yet, who need their link handed out ({@code links.csv})
 * @param excluded   members left out, by reason: {@code opted_out}, {@code unreachable}, {@code no_identity}, {@code frequency_cap}
 * @param duplicate  true when the request's idempotency key had launched this wave before: nothing new was sent
 * @param lastInvitationAt when the last invitation is planned to go (the daily limit on new
 *                   conversations and quiet hours may spread them over days); null for a repeat
 */
public record LaunchReport(long wave, int invited, int messages, int links, Map<String, Integer> excluded, boolean duplicate,
                           Instant lastInvitationAt) {
    public LaunchReport(long wave, int invited, int messages, int links, Map<String, Integer> excluded) {
        this(wave, invited, messages, links, excluded, false, null);
    }

    /** The answer to a repeated launch: the wave made the first time, and nothing done now. */
    static LaunchReport again(long wave) {
        return new LaunchReport(wave, 0, 0, 0, Map.of(), true, null);
    }
}
