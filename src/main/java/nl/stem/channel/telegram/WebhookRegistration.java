package nl.stem.channel.telegram;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jboss.logging.Logger;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import nl.stem.config.StemConfig;
import nl.stem.worker.ClusterTasks;

/**
 * Start-up checks for the Telegram channel and, with {@code stem.telegram.register-webhook=true},
 * the setWebhook call: {@code url = stem.public-url + /webhooks/telegram}, the secret, the update
 * kinds Stem handles, how many requests Telegram may keep open at once, and pending updates kept
 * (they are answers).
 */
@ApplicationScoped
class WebhookRegistration {
    private static final Logger LOG = Logger.getLogger(WebhookRegistration.class);
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query", "my_chat_member");

    /** Replicas starting within this time of each other register the webhook once. */
    static final Duration ONCE_PER_DEPLOY = Duration.ofMinutes(10);

    private final TelegramConfig config;
    private final BotApi api;
    private final StemConfig stem;
    private final DataSource ds;
    private final Clock clock;

    @Inject
    WebhookRegistration(TelegramConfig config, BotApi api, StemConfig stem, DataSource ds, Clock clock) {
        this.config = config;
        this.api = api;
        this.stem = stem;
        this.ds = ds;
        this.clock = clock;
    }

    void onStart(@Observes @Priority(20) StartupEvent event) throws Exception {
        if (!config.enabled()) {
            return;
        }
        String secret = config.webhookSecret().orElseThrow(() -> new IllegalStateException(
                "stem.telegram.webhook-secret (STEM_TELEGRAM_WEBHOOK_SECRET) is required when a Telegram bot token is set"));
        if (!SECRET.matcher(secret).matches()) {
            throw new IllegalStateException("stem.telegram.webhook-secret must be 1-256 characters of A-Z, a-z, 0-9, _ and -");
        }
        if (config.webhookMaxConnections() < 1 || config.webhookMaxConnections() > 100) {
            throw new IllegalStateException("stem.telegram.webhook-max-connections must be between 1 and 100");
        }
        if (config.registerWebhook()) {
            String url = url();
            // Once per deploy across the instances sharing the database; the settings' hash, never the secret.
            String settings = url + "\n" + secret + "\n" + ALLOWED_UPDATES + "\n" + config.webhookMaxConnections();
            ClusterTasks.once(ds, "telegram.webhook", settings, ONCE_PER_DEPLOY, clock.instant(), () -> register(url, secret));
        }
    }

    /** {@code stem.public-url} + {@code /webhooks/telegram}. */
    String url() {
        String base = stem.publicUrl().filter(u -> !u.isBlank()).orElseThrow(() -> new IllegalStateException(
                "stem.public-url is required to register the Telegram webhook"));
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/webhooks/telegram";
    }

    /** Calls setWebhook; true when Telegram took it. A failure is logged (without URL or token) and the service keeps running. */
    boolean register(String url, String secret) {
        try {
            api.client().execute(SetWebhook.builder().url(url).secretToken(secret).allowedUpdates(ALLOWED_UPDATES)
                    .maxConnections(config.webhookMaxConnections()).dropPendingUpdates(false).build());
            LOG.infof("Telegram webhook registered at %s", url);
            return true;
        } catch (TelegramApiRequestException e) {
            LOG.errorf("Telegram refused setWebhook (%s): %s", e.getErrorCode(), e.getApiResponse());
        } catch (TelegramApiException e) {
            LOG.errorf("Telegram setWebhook failed: %s", (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName());
        }
        return false;
    }
}
