package nl.stem.channel.telegram;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The Telegram channel, prefix {@code stem.telegram.}. The channel is active when a bot token is
 * set; secrets come from the environment ({@code STEM_TELEGRAM_BOT_TOKEN},
 * {@code STEM_TELEGRAM_WEBHOOK_SECRET}), never from a committed file.
 */
@ConfigMapping(prefix = "stem.telegram")
public interface TelegramConfig {

    /** The bot's token from BotFather (env {@code STEM_TELEGRAM_BOT_TOKEN}); the channel is off without it. */
    Optional<String> botToken();

    /**
     * The secret Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token} (env
     * {@code STEM_TELEGRAM_WEBHOOK_SECRET}; 1-256 characters of {@code A-Za-z0-9_-}); required with a token.
     */
    Optional<String> webhookSecret();

    /** Base URL of the Bot API ({@code scheme://host[:port]}, no path); tests point it at a fake on loopback. */
    @WithDefault("https://api.telegram.org")
    String apiUrl();

    /** The bot's user name without {@code @}, for invitation links {@code https://t.me/<bot>?start=<token>}. */
    Optional<String> botUsername();

    /** Call setWebhook at start-up with {@code stem.public-url}{@code /webhooks/telegram}, the secret and the update kinds Stem handles. */
    @WithDefault("false")
    boolean registerWebhook();

    /**
     * At most this many webhook requests Telegram keeps open at once (setWebhook's max_connections,
     * 1-100). Keep it below the database pool: a burst of updates then waits at Telegram, not in
     * Stem's threads.
     */
    @WithDefault("40")
    int webhookMaxConnections();

    /** Largest webhook body accepted, in bytes; larger gets 413. */
    @WithDefault("1048576")
    int maxBodyBytes();

    /** At most this many messages per second across all chats (Telegram allows about 30). */
    @WithDefault("30")
    double messagesPerSecond();

    /**
     * Telegram's paid broadcasts: every message carries {@code allow_paid_broadcast} and the channel's
     * rate becomes {@link #paidBroadcastMessagesPerSecond()}. Telegram charges 0.1 Star per message
     * from the bot's balance and allows it only for bots with at least 100,000 monthly active users
     * (and a Stars balance): off unless the bot qualifies.
     */
    @WithDefault("false")
    boolean paidBroadcast();

    /** The rate with paid broadcasts on (Telegram allows up to 1,000 messages per second). */
    @WithDefault("1000")
    double paidBroadcastMessagesPerSecond();

    /** At least this long between two messages to one chat (Telegram allows about one per second). */
    @WithDefault("1s")
    Duration perChatInterval();

    /** True when a bot token is set: the webhook, sender and media fetcher work only then. */
    default boolean enabled() {
        return botToken().filter(t -> !t.isBlank()).isPresent();
    }
}
