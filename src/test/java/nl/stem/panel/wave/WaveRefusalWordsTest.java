package nl.stem.panel.wave;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** Who is left out of a wave, in words: a channel without credentials is named with its settings, never a Java map. */
class WaveRefusalWordsTest {

    @Test
    void describe_namesTheChannelAndItsSettings_andEveryOtherReasonInWords() {
        Map<String, Integer> excluded = new LinkedHashMap<>();
        excluded.put("channel_not_configured", 6);
        excluded.put("opted_out", 2);
        Map<String, Integer> channels = new TreeMap<>(Map.of("whatsapp", 6));
        String words = Waves.describe(new Waves.Selection(List.of(), excluded, List.of(), channels));
        assertEquals("2 opted out (opted_out); 6 members are on whatsapp, which is not configured here (channel_not_configured): set "
                + "stem.twilio.account-sid (STEM_TWILIO_ACCOUNT_SID), stem.twilio.auth-token (STEM_TWILIO_AUTH_TOKEN), "
                + "stem.twilio.whatsapp-from (STEM_TWILIO_WHATSAPP_FROM)", words);
    }

    @Test
    void describe_telegram_namesTheBotTokenAndSecret() {
        String words = Waves.describe(new Waves.Selection(List.of(), Map.of("channel_not_configured", 1), List.of(),
                Map.of("telegram", 1)));
        assertEquals("1 member is on telegram, which is not configured here (channel_not_configured): set "
                + "stem.telegram.bot-token (STEM_TELEGRAM_BOT_TOKEN), stem.telegram.webhook-secret (STEM_TELEGRAM_WEBHOOK_SECRET)", words);
    }
}
