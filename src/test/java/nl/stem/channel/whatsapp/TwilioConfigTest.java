package nl.stem.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class TwilioConfigTest {

    private static TwilioConfig config(Map<String, String> props) {
        SmallRyeConfig c = new SmallRyeConfigBuilder().withMapping(TwilioConfig.class)
                .withSources(new PropertiesConfigSource(props, "test", 100)).build();
        return c.getConfigMapping(TwilioConfig.class);
    }

    @Test
    void nothingSet_isInactiveWithDefaults() {
        TwilioConfig c = config(Map.of());
        assertFalse(c.active());
        assertEquals("https://api.twilio.com", c.apiUrl());
        assertEquals(10.0, c.messagesPerSecond());
        assertEquals(65536, c.maxBodyBytes());
        assertTrue(c.templates().isEmpty());
        assertTrue(c.quickReplyTemplates().isEmpty());
    }

    @Test
    void sidAndToken_makeItActive_andTemplatesArePerLanguage() {
        TwilioConfig c = config(Map.of("stem.twilio.account-sid", "AC1", "stem.twilio.auth-token", "t",
                "stem.twilio.templates.ar", "HXar", "stem.twilio.templates.default", "HXd"));
        assertTrue(c.active());
        assertEquals(Map.of("ar", "HXar", "default", "HXd"), c.templates());
    }
}
