package nl.stem.outbox;

import java.time.Duration;

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
     * Sends one message. Must not throw for provider answers: classify them. May throw only for
     * programming errors, which the sender treats as a retryable failure.
     */
    SendResult send(OutboxMessage message);

    /** How a send went. */
    sealed interface SendResult {
        /** Delivered to the provider; {@code providerMessageId} may be null when it returns none. */
        record Sent(String providerMessageId) implements SendResult {
        }

        /** Try again later, not before {@code after} (e.g. Telegram 429 retry_after, 5xx, timeout). */
        record Retry(Duration after, String reason) implements SendResult {
        }

        /**
         * Will never succeed. {@code recipientUnreachable} when the recipient blocked the bot or opted
         * out (Telegram 403, Twilio 21610): nothing more is sent to them on this channel.
         */
        record Failed(String reason, boolean recipientUnreachable) implements SendResult {
        }
    }
}
