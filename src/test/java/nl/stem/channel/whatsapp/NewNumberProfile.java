package nl.stem.channel.whatsapp;

import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;
import nl.stem.time.MovableClock;

/**
 * A new WhatsApp number: Meta's limit at 250 new conversations per 24 hours, a price for marketing
 * templates to Dutch numbers, an invitation template for Dutch only (no default), and a clock the
 * tests move by hand ({@link MovableClock}).
 */
public class NewNumberProfile implements QuarkusTestProfile {
    public static final String TEMPLATE_NL = "HXinvitenl00000000000000000000000";

    @Override
    public Map<String, String> getConfigOverrides() {
        // No default template here: a language without its own has none (a blank value counts as unset).
        return Map.of("stem.twilio.daily-conversation-limit", "250",
                "stem.twilio.prices.marketing.31", "0.1597",
                "stem.panel.organisation", "OpenEmbassy",
                "stem.twilio.templates.default", " ",
                "stem.twilio.templates.nl", TEMPLATE_NL);
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(MovableClock.class);
    }
}
