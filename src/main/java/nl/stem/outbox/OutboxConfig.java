package nl.stem.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The outbox sender's configuration, prefix {@code stem.outbox.}. */
@ConfigMapping(prefix = "stem.outbox")
public interface OutboxConfig {

    /** Whether this instance sends outbox messages at all (turn off on instances that only take webhooks). */
    @WithDefault("true")
    boolean enabled();

    /** Fallback poll for due messages (messages queued by this instance are sent at once after commit). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Most rows claimed by one claim query (also bounded by free send slots). */
    @WithDefault("50")
    int batchSize();

    /** Provider attempts per message before it is marked failed. */
    @WithDefault("8")
    int maxAttempts();

    /** First retry delay; doubled per attempt, with jitter, up to backoff-max. */
    @WithDefault("1s")
    Duration backoffBase();

    /** Longest retry delay from backoff (a provider's retry_after may ask for longer). */
    @WithDefault("5m")
    Duration backoffMax();

    /** A row left in 'sending' this long (its process stopped mid-send) is queued again. */
    @WithDefault("60s")
    Duration sendingTimeout();

    /** Most provider calls in flight at once per channel on this instance (never two for one recipient). */
    @WithDefault("8")
    int concurrency();
}
