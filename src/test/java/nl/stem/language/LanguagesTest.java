package nl.stem.language;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LanguagesTest {
    private static final List<String> OFFERED = List.of("nl", "en", "ar", "fa", "ti", "tr", "uk", "ru");

    @Test
    void match_whenRegionalArabic_picksArabic() {
        assertEquals(Optional.of("ar"), Languages.match("ar-SY", OFFERED));
    }

    @Test
    void match_whenIranianFarsi_picksFarsi() {
        assertEquals(Optional.of("fa"), Languages.match("fa-IR", OFFERED));
    }

    @Test
    void match_whenDariHint_prefersDariWhenOffered() {
        assertEquals(Optional.of("prs"), Languages.match("fa-AF", List.of("en", "fa", "prs")));
        assertEquals(Optional.of("prs"), Languages.match("prs", List.of("en", "fa", "prs")));
        assertEquals(Optional.of("fa"), Languages.match("prs", List.of("en", "fa")));
        assertEquals(Optional.of("fa"), Languages.match("fa-IR", List.of("en", "fa", "prs")));
    }

    @Test
    void match_whenBelarusian_fallsBackToRussian() {
        assertEquals(Optional.of("ru"), Languages.match("be", OFFERED));
    }

    @Test
    void match_whenMissingOrGarbageOrUnrelated_isEmpty() {
        assertEquals(Optional.empty(), Languages.match(null, OFFERED));
        assertEquals(Optional.empty(), Languages.match("", OFFERED));
        assertEquals(Optional.empty(), Languages.match("!!@@", OFFERED));
        assertEquals(Optional.empty(), Languages.match("xx-garbage-123456789", OFFERED));
        assertEquals(Optional.empty(), Languages.match("ja", OFFERED));
    }

    @Test
    void selfName_whenMenuLanguages_givesNamesInThemselves() {
        assertEquals("العربية", Languages.selfName("ar"));
        assertEquals("ትግርኛ", Languages.selfName("ti"));
        assertEquals("فارسی", Languages.selfName("fa"));
        assertEquals("دری", Languages.selfName("prs"));
        assertEquals("Türkçe", Languages.selfName("tr"));
        assertEquals("Українська", Languages.selfName("uk"));
        assertEquals("Nederlands", Languages.selfName("nl"));
        assertEquals("English", Languages.selfName("en"));
    }

    @Test
    void isRightToLeft_whenArabicScriptLanguages_isTrue() {
        for (String t : List.of("ar", "fa", "prs", "ps", "ckb")) {
            assertTrue(Languages.isRightToLeft(t), t);
        }
        for (String t : List.of("en", "nl", "ti", "tr", "uk", "so")) {
            assertFalse(Languages.isRightToLeft(t), t);
        }
    }

    @Test
    void ulocale_whenDari_aliasesToAfghanFarsi() {
        assertEquals("fa_AF", Languages.ulocale("prs").toString());
    }

    @Test
    void selfName_whenTheSevenNewLanguages_givesEachItsOwnName() {
        assertEquals("دری", Languages.selfName("prs"));
        assertEquals("پښتو", Languages.selfName("ps"));
        assertEquals("کوردیی ناوەندی", Languages.selfName("ckb"));
        assertEquals("Kurmancî", Languages.selfName("kmr"));
        assertEquals("Soomaali", Languages.selfName("so"));
        assertEquals("Русский", Languages.selfName("ru"));
        assertEquals("Français", Languages.selfName("fr"));
    }

    @Test
    void isRightToLeft_whenDariPashtoSorani_isTrueAndKurmanjiSomaliRussianFrenchAreNot() {
        for (String rtl : List.of("prs", "ps", "ckb")) {
            assertTrue(Languages.isRightToLeft(rtl), rtl);
        }
        for (String ltr : List.of("kmr", "so", "ru", "fr")) {
            assertFalse(Languages.isRightToLeft(ltr), ltr);
        }
    }

    @Test
    void fallback_whenDariHasNoTexts_takesFarsiNotTheSourceLanguage() {
        assertEquals("fa", Languages.fallback("prs", List.of("nl", "en", "fa"), "nl"));
        assertEquals("prs", Languages.fallback("prs", List.of("nl", "prs", "fa"), "nl"));
        assertEquals("ar", Languages.fallback("ar-SY", List.of("nl", "ar"), "nl"));
        assertEquals("kmr", Languages.fallback("ku-TR", List.of("nl", "kmr"), "nl"));
        assertEquals("nl", Languages.fallback("xx", List.of("nl", "fa"), "nl"));
        assertEquals("nl", Languages.fallback(null, List.of("nl", "fa"), "nl"));
    }

    @Test
    void numbers_whenPashtoDariOrSoraniDigits_areReadAndWrittenInTheirScript() {
        assertEquals("۱۲", Texts.number("ps", 12));
        assertEquals("۱۲", Texts.number("prs", 12));
        assertEquals("١٢", Texts.number("ckb", 12));
        assertEquals(Optional.of(12), Digits.parseInt("۱۲"));
        assertEquals(Optional.of(12), Digits.parseInt("١٢"));
    }
}
