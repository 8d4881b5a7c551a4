package nl.stem.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.stem.language.Languages;

/**
 * The WhatsApp language guess as the webhook makes it: the sender's number (libphonenumber's
 * country, ICU's likely language) and the script of the first text. One row per country
 * newcomers to the Netherlands come from, each without text, with text in its own script and with
 * text in another script.
 */
class LanguageHintTest {
    /** The languages Stem's surveys ship with (translations/_stem). */
    private static final List<String> SHIPPED = List.of("nl", "en", "ar", "ti", "fa", "uk", "tr");

    /** number, first text ("" for none), the guess (most likely first). */
    private static final String[][] TABLE = {
            {"+963944123456", "", "ar"},
            {"+963944123456", "مرحبا", "ar,fa,ps,ckb,prs"},
            {"+963944123456", "hello", "ar,en"},
            {"+963944123456", "Привіт", "uk,ru,ar"},
            {"+2917123456", "", "ti,ar"},
            {"+2917123456", "ሰላም", "ti,am,ar"},
            {"+2917123456", "hello", "ti,ar,en"},
            {"+2917123456", "مرحبا", "ar,fa,ps,ckb,prs,ti"},
            {"+93701234567", "", "fa,ps,prs"},
            {"+93701234567", "سلام", "fa,ps,prs,ar,ckb"},
            {"+93701234567", "hello", "fa,ps,prs,en"},
            {"+989123456789", "", "fa"},
            {"+989123456789", "سلام", "fa,prs,ps,ar,ckb"},
            {"+989123456789", "merhaba", "fa,tr,en"},
            {"+9647701234567", "", "ar,ckb"},
            {"+9647701234567", "سلام", "ar,ckb,fa,prs,ps"},
            {"+9647701234567", "hi", "ar,ckb,en"},
            {"+905321234567", "", "tr"},
            {"+905321234567", "merhaba", "tr,en"},
            {"+905321234567", "سلام", "fa,prs,ps,ar,ckb,tr"},
            {"+380501234567", "", "uk,ru"},
            {"+380501234567", "Привіт", "uk,ru"},
            {"+380501234567", "Привет", "uk,ru"},
            {"+380501234567", "hello", "uk,ru,en"},
            {"+252612345678", "", "so,ar"},
            {"+252612345678", "hello", "so,ar,en"},
            {"+252612345678", "مرحبا", "ar,fa,ps,ckb,prs,so"},
            {"+967712345678", "", "ar"},
            {"+967712345678", "hello", "ar,en"},
            {"+249912345678", "", "ar"},
            {"+249912345678", "ሰላም", "ti,am,ar"},
            {"+251911234567", "", "am,ti,om"},
            {"+251911234567", "ሰላም", "am,ti,om"},
            {"+251911234567", "hello", "am,ti,om,en"},
            {"+31612345678", "", "nl"},
            {"+31612345678", "hallo", "nl,en"},
            {"+31612345678", "سلام", "fa,prs,ps,ar,ckb,nl"},
            {"+31612345678", "مرحبا", "ar,fa,ps,ckb,prs,nl"},
            {"+31612345678", "ሰላም", "ti,am,nl"},
            {"+31612345678", "Привіт", "uk,ru,nl"},
            {"+31612345678", "Привет", "ru,uk,nl"},
            // Letters only Persian has outweigh an Arabic country: an Afghan writing from Syria.
            {"+963944123456", "من فارسی بلدم", "fa,prs,ps,ckb,ar"},
            // Letters only Arabic has (ة) outweigh a Persian country.
            {"+989123456789", "مدرسة", "ar,fa,ps,ckb,prs"},
    };

    @Test
    void hint_forNumbersFromTwelveCountriesWithAndWithoutTextInAnotherScript_isTheExpectedGuess() {
        for (String[] row : TABLE) {
            assertEquals(row[2], hint(row[0], row[1].isEmpty() ? null : row[1]), row[0] + " " + row[1]);
        }
        long countries = java.util.Arrays.stream(TABLE).map(r -> r[0]).distinct().count();
        assertEquals(12, countries, "SY, ER, AF, IR, IQ, TR, UA, SO, YE, SD, ET, NL");
    }

    /** What the newcomer sees first: the language menu's top line, among the shipped languages. */
    @Test
    void hint_matchedToTheShippedLanguages_putsTheNewcomersLanguageFirst() {
        assertEquals("ar", top("+963944123456", "مرحبا"), "a Syrian number writing مرحبا");
        assertEquals("fa", top("+31612345678", "سلام"), "a Farsi speaker on a Dutch number");
        assertEquals(List.of("ar", "en"), Languages.ranked(hint("+963944123456", "hello"), SHIPPED), "Arabic, English next to it");
        assertEquals(List.of("fa", "ar", "nl", "en"), Languages.ranked(hint("+31612345678", "سلام"), SHIPPED), "Pashto matches English in ICU: after the guesses");
        assertEquals("ti", top("+2917123456", null));
        assertEquals("uk", top("+380501234567", "hello"));
        assertEquals("tr", top("+905321234567", "selam"));
        assertEquals("fa", top("+93701234567", null), "Dari speakers get Farsi, the closest shipped language");
    }

    @Test
    void hint_whenNumberCannotBeRead_comesFromTheTextAlone() {
        assertEquals("fa,prs,ps,ar,ckb", hint("whatsapp:+999123456789", "سلام"));
        assertEquals("fa,prs,ps,ar,ckb", hint("whatsapp:abc", "سلام"));
        assertEquals("fa,prs,ps,ar,ckb", hint("", "سلام"));
        assertEquals("en", hint("whatsapp:+", "hello"));
        Map<String, String> noFrom = new HashMap<>(Map.of("Body", "ሰላም"));
        assertEquals("ti,am", InboundMapping.languageHint(noFrom));
    }

    @Test
    void hint_whenTextHasMixedScriptsOnlyEmojiOrOnlyDigits_comesFromTheNumberAlone() {
        for (String text : List.of("hello سلام", "Привіт hi", "👍🙏", "🇸🇾", "123", "١٢٣", "۱۲3", "?!", "   ", "\u200F\u2068")) {
            assertEquals("ar", hint("+963944123456", text), text);
            assertNull(hint("whatsapp:abc", text), text);
        }
    }

    @Test
    void hint_whenNothingCanBeRead_isNullAndTheFallbackStillGivesALanguage() {
        String none = hint("not a number", "👍");
        assertNull(none);
        assertEquals(List.of(), Languages.ranked(none, SHIPPED));
        assertEquals(List.of(), Languages.ranked("xx-Garbage,,;", SHIPPED));
    }

    private static String top(String number, String text) {
        return Languages.ranked(hint(number, text), SHIPPED).get(0);
    }

    private static String hint(String number, String text) {
        Map<String, String> p = new HashMap<>();
        p.put("From", number.startsWith("+") ? "whatsapp:" + number : number);
        if (text != null) {
            p.put("Body", text);
        }
        return InboundMapping.languageHint(p);
    }
}
