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
        assertEquals(80.0, c.messagesPerSecond(), "Twilio's default WhatsApp throughput");
        assertEquals(250, c.dailyConversationLimit(), "a new business portfolio's messaging limit");
        assertEquals("marketing", c.templateCategory());
        assertTrue(c.prices().isEmpty());
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

    @Test
    void prices_arePerCategoryAndCountryCallingCode() {
        TwilioConfig c = config(Map.of("stem.twilio.prices.marketing.31", "0.1597", "stem.twilio.prices.utility.31", "0.0230",
                "stem.twilio.prices.marketing.49", "0.1570", "stem.twilio.daily-conversation-limit", "2000"));
        assertEquals(new java.math.BigDecimal("0.1597"), c.prices().get("marketing").get("31"));
        assertEquals(new java.math.BigDecimal("0.0230"), c.prices().get("utility").get("31"));
        assertEquals(2, c.prices().get("marketing").size());
        assertEquals(2000, c.dailyConversationLimit());
    }
}
