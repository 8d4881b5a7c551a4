package nl.stem.channel.telegram;

import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;

/**
 * Test-only keys under {@code stem.test}, declared so that Stem's strict config validation accepts
 * {@code -Dstem.test.fake-bot-api-port=18452} (worktrees running tests side by side each pick their
 * own port). Example: {@code ./mvnw test -Dstem.test.fake-bot-api-port=18452}. A mapping is only
 * registered where something injects it: {@link TestPorts} does.
 */
@ConfigMapping(prefix = "stem.test")
public interface TestPortsConfig {
    /** The loopback port of {@link FakeBotApi}; default 18443. */
    OptionalInt fakeBotApiPort();
}
