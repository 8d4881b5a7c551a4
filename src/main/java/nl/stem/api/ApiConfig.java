package nl.stem.api;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The researcher API's configuration, prefix {@code stem.api.}. */
@ConfigMapping(prefix = "stem.api")
public interface ApiConfig {

    /**
     * An admin token accepted without being in the database, to create the first role tokens.
     * Set it only from the environment ({@code STEM_API_BOOTSTRAP_TOKEN}); it is compared by hash and never logged.
     */
    Optional<String> bootstrapToken();

    /** Largest survey upload (survey file plus translations, as one JSON body) in bytes; larger gets 413. */
    @WithDefault("5242880")
    int maxUploadBytes();

    /** Rows fetched from PostgreSQL per round trip while streaming an export. */
    @WithDefault("1000")
    int exportFetchSize();
}
