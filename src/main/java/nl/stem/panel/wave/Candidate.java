package nl.stem.panel.wave;

import nl.stem.identity.Channel;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A panel member considered for a wave, with their identity on their channel (null: not linked). */
record Candidate(UUID respondentId, String memberId, String channel, String language, String timeZone,
                 Instant optedOutAt, String providerId, Instant unreachableAt, int recentContacts) {

    /**
     * Why this member is left out of a wave, or null to invite them: {@code opted_out},
     * {@code unreachable}, {@code no_identity} (WhatsApp without a number), {@code channel_not_configured}
     * (this installation has no credentials for their channel) or {@code frequency_cap}.
     */
    String exclusion(int maxContacts, Set<String> configuredChannels) {
        if (optedOutAt != null) {
            return "opted_out";
        }
        if (unreachableAt != null) {
            return "unreachable";
        }
        if (providerId == null && !Channel.TELEGRAM.is(channel)) {
            return "no_identity";
        }
        if (!configuredChannels.contains(channel)) {
            return "channel_not_configured";
        }
        if (recentContacts >= maxContacts) {
            return "frequency_cap";
        }
        return null;
    }

    /** A reason of {@link #exclusion} in words, after a count: "3 opted out". */
    static String describe(String reason) {
        return switch (reason) {
            case "opted_out" -> "opted out";
            case "unreachable" -> "cannot be reached (blocked the bot, opted out on the channel, or the number cannot receive it)";
            case "no_identity" -> "have no WhatsApp number";
            case "channel_not_configured" -> "are on a channel that is not configured here";
            case "frequency_cap" -> "were contacted too often lately (stem.panel.max-contacts)";
            default -> reason;
        };
    }
}
