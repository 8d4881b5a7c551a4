package nl.stem.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends outbox messages on one channel (Telegram, WhatsApp). Implementations are thin: render the
 * neutral message in the channel's idiom, call the provider, and classify the outcome. The
 * {@code OutboxSender} does ordering, rate limits, retries and bookkeeping.
 */
public interface ChannelSender {

    /** The channel name as stored in {@code outbox.channel}, e.g. {@code telegram}. */
    String channel();

    /** Whether this installation has the channel's credentials, so messages can go out on it. */
    default boolean configured() {
        return true;
    }

    /** At most this many messages per second across all recipients (Telegram about 30). */
    double messagesPerSecond();

    /** At least this long between two messages to one recipient (Telegram about 1 s). */
    Duration perRecipientInterval();

    /**
     * Most distinct recipients of business-initiated messages (those that open a conversation: a
     * WhatsApp template outside the recipient's 24-hour window) in any rolling 24 hours; 0 = no such
     * limit (Telegram). The outbox plans and gates sends within it, counted in PostgreSQL, so the
     * limit holds across every instance sharing the database.
     */
    default int dailyConversationLimit() {
        return 0;
    }

    /**
     * How long a recipient's own message lets us answer them freely (WhatsApp: 24 h); a bulk message
     * to someone who has not written within it opens a conversation. Null: no such window.
     */
    default Duration serviceWindow() {
        return null;
    }

    /** Whether sending {@code message} at {@code now} opens a conversation (counts toward the daily limit). */
    default boolean opensConversation(OutboxMessage message, Instant now) {
        return false;
    }

    /**
     * For a panel message to a member with {@code language}: the configuration key to set when no
     * approved template could carry it outside the window (e.g. {@code stem.twilio.templates.ti}),
     * or empty when one is configured or the channel needs none.
     */
    default Optional<String> missingTemplateKey(String language) {
        return Optional.empty();
    }

    /** The provider's price of one business-initiated message to {@code recipient}, or empty when it costs nothing. */
    default Optional<MessageCost> conversationCost(String recipient) {
        return Optional.empty();
    }

    /** What a coordinator can do about {@code reason} (a {@link FailureReason} code), in words; null when the channel has nothing to add. */
    default String advice(FailureReason reason, String detail) {
        return null;
    }

    /**
     * Sends one message. Must not throw for provider answers: classify them. May throw only for
     * programming errors, which the sender treats as a retryable failure.
     */
    SendResult send(OutboxMessage message);

    /** How a send went. */
    sealed interface SendResult {
        /** Delivered to the provider; {@code providerMessageId} may be null when it returns none. */
        record Sent(String providerMessageId) implements SendResult {
        }

        /**
         * Try again later, not before {@code after} (e.g. Telegram 429 retry_after, 5xx, timeout);
         * {@code code}, when known, says why for the coordinator (a {@link FailureReason}).
         */
        record Retry(Duration after, String reason, FailureReason code) implements SendResult {
            public Retry(Duration after, String reason) {
                this(after, reason, null);
            }
        }

        /**
         * Not now, and not an attempt that failed: the provider deferred it (Meta held a marketing
         * template back, 63049; a rate or messaging limit, 63018) or it must go in another form
         * ({@code asTemplate}: the window had closed, 63016). Goes again at {@code after}, with a
         * new idempotency key; {@code counted} deferrals are bounded by the sender.
         */
        record Deferred(Duration after, String reason, FailureReason code, boolean asTemplate, boolean counted) implements SendResult {
        }

        /**
         * Will never succeed. {@code recipientUnreachable} when the recipient blocked the bot or opted
         * out or cannot receive this channel's messages (Telegram 403, Twilio 21610, 63024, 21211):
         * nothing more is sent to them on this channel. {@code code} says why for the coordinator.
         */
        record Failed(String reason, boolean recipientUnreachable, FailureReason code, String detail) implements SendResult {
            public Failed(String reason, boolean recipientUnreachable) {
                this(reason, recipientUnreachable, recipientUnreachable ? FailureReason.UNREACHABLE : FailureReason.REFUSED, null);
            }

            public Failed(String reason, boolean recipientUnreachable, FailureReason code) {
                this(reason, recipientUnreachable, code, null);
            }
        }
    }
}
