package nl.stem.channel.telegram;

import io.quarkus.arc.Unremovable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Injects {@link TestPortsConfig}, so that Quarkus registers it in every test boot. */
@Singleton
@Unremovable
public class TestPorts {
    @Inject
    TestPortsConfig config;

    /** The fake Bot API's port as configured, else 18443. */
    public int fakeBotApiPort() {
        return config.fakeBotApiPort().orElse(18443);
    }
}
