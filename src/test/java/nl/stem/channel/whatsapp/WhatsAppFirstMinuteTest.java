package nl.stem.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.channel.FirstMinute;
import nl.stem.language.Digits;
import nl.stem.language.Languages;

/**
 * A stranger's first minute on WhatsApp, in every shipped language, through the real signed
 * webhook and outbox to the fake Twilio: they write hello in their script from a number of their
 * country (the Farsi speaker from a Dutch number), find their language on the first line of the
 * menu, type "1", see consent with every option as a line, and refuse by typing "no" loosely.
 */
@QuarkusTest
class WhatsAppFirstMinuteTest {
    /** Where each language's newcomer writes from: a mobile number of that country (country code and prefix, length). */
    private static final Map<String, Object[]> NUMBERS = Map.of(
            "ar", new Object[] {"96394", 12}, "en", new Object[] {"447700", 12}, "fa", new Object[] {"316", 11},
            "nl", new Object[] {"316", 11}, "ti", new Object[] {"2917", 10}, "tr", new Object[] {"90532", 12},
            "uk", new Object[] {"38050", 12});

    @Inject
    DataSource db;

    @Test
    void firstMinute_inEveryShippedLanguage_matchesItsGoldenTranscript() throws Exception {
        for (String lang : FirstMinute.GUESSED_FIRST_ON_WHATSAPP) {
            Phone p = Phone.inCountry((String) NUMBERS.get(lang)[0], (Integer) NUMBERS.get(lang)[1]);
            FirstMinute t = new FirstMinute("whatsapp", lang);
            List<Map<String, String>> seen = new ArrayList<>();

            step(t, p, FirstMinute.FIRST_WORDS.get(lang), seen);
            String menu = seen.get(seen.size() - 1).get("Body");
            String firstLine = menu.lines().filter(l -> l.contains(". ")).findFirst().orElseThrow();
            assertEquals(1, Digits.parseInt(firstLine.substring(0, firstLine.indexOf('.'))).orElseThrow(), menu);
            assertTrue(firstLine.endsWith(". " + Languages.selfName(lang)), lang + ": their language on the first line\n" + menu);

            step(t, p, "1", seen);
            assertEquals("consent", p.session(db)[0], lang + ": '1' chose the first language");
            Map<String, String> consent = seen.get(seen.size() - 1);
            String shown = consent.get("Body") != null ? consent.get("Body") : consent.get("ContentVariables");
            assertTrue(shown.contains("a:consent:no") || shown.contains("2 · "), lang + ": the refusal is visible\n" + shown);

            step(t, p, FirstMinute.LOOSE_NO.get(lang), seen);
            assertEquals("refused", p.session(db)[1], lang + ": '" + FirstMinute.LOOSE_NO.get(lang) + "' is a refusal");
            t.check("whatsapp", lang);
        }
    }

    /** Bad input gives no guess from that part, never an error: the menu then falls back to the source language. */
    @Test
    void firstMessage_fromAnUnreadableNumberWithOnlyEmojiDigitsOrMixedScripts_getsTheMenuInTheFallbackLanguage() throws Exception {
        for (String text : List.of("👍🙏", "١٢٣", "hello سلام")) {
            Phone p = Phone.inCountry("999", 12);
            p.text(text);
            assertEquals("choosing_language", p.session(db)[1], text);
            OutboxDrain.awaitDelivered(db, p.from);
            String menu = FakeTwilioControl.messagesTo(p.from).get(0).get("Body");
            assertTrue(menu.startsWith("Kies je taal"), text + ": the survey's source language, Dutch\n" + menu);
        }
        Phone syrian = Phone.inCountry("96394", 12);
        syrian.text("👍");
        OutboxDrain.awaitDelivered(db, syrian.from);
        assertTrue(FakeTwilioControl.messagesTo(syrian.from).get(0).get("Body").startsWith("اختر لغتك"),
                "only emoji: the number alone still guesses Arabic");
    }

    private void step(FirstMinute t, Phone p, String text, List<Map<String, String>> seen) throws Exception {
        t.input("text " + text);
        p.text(text);
        OutboxDrain.awaitDelivered(db, p.from);
        List<Map<String, String>> got = FakeTwilioControl.messagesTo(p.from);
        for (Map<String, String> m : got.subList(seen.size(), got.size())) {
            if (m.get("Body") != null) {
                t.received(m.get("Body"), List.of());
            } else {
                t.received("template " + m.get("ContentSid") + " " + m.get("ContentVariables"), List.of());
            }
        }
        seen.clear();
        seen.addAll(got);
    }
}
