package nl.stem.channel.whatsapp;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Maps {@code stem.public-url} so Stem's strict config validation accepts it while
 * {@code nl.stem.config.StemConfig} does not declare it yet (the Telegram channel uses the same key).
 * Read through {@code @ConfigProperty(name = "stem.public-url")}; drop this once StemConfig has it.
 */
@ConfigMapping(prefix = "stem")
public interface PublicUrlConfig {

    /** The public base URL providers call (e.g. {@code https://stem.example.org}); webhooks are signed for it. */
    Optional<String> publicUrl();
}
