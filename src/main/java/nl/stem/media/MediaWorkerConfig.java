package nl.stem.media;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The media download worker's configuration, prefix {@code stem.media.worker.}. The size limit is
 * {@code stem.media.max-bytes} (StemConfig).
 */
@ConfigMapping(prefix = "stem.media.worker")
public interface MediaWorkerConfig {

    /** Whether this instance downloads pending media. */
    @WithDefault("true")
    boolean enabled();

    /** Fallback poll for pending media (media queued by this instance are fetched at once after commit). */
    @WithDefault("2s")
    Duration pollInterval();

    /** Download attempts before a media object is marked unavailable. */
    @WithDefault("5")
    int maxAttempts();

    /** First retry delay; doubled per attempt, with jitter, up to backoff-max. */
    @WithDefault("5s")
    Duration backoffBase();

    /** Longest retry delay. */
    @WithDefault("10m")
    Duration backoffMax();

    /**
     * How long a claimed download may take before another worker may try it (the claim is a lease:
     * a process that stops mid-download leaves nothing stuck).
     */
    @WithDefault("10m")
    Duration lease();
}
