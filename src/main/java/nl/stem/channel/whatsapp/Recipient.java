package nl.stem.channel.whatsapp;

import java.time.Duration;
import java.time.Instant;

/**
 * What the sender needs to know about a WhatsApp identity.
 *
 * @param lastInboundAt their last message to us (opens the 24-hour window), null when unknown
 * @param optedOutAt    when they opted out on WhatsApp, or null
 * @param language      the respondent's preferred language, or null
 */
record Recipient(Instant lastInboundAt, Instant optedOutAt, String language) {
    static final Duration WINDOW = Duration.ofHours(24);

    static final Recipient UNKNOWN = new Recipient(null, null, null);

    /** Whether free-form messages may be sent at {@code now}. */
    boolean inWindow(Instant now) {
        return lastInboundAt != null && lastInboundAt.plus(WINDOW).isAfter(now);
    }
}
