package nl.stem.language;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextsTest {

    @Test
    void format_whenPluralInEnglish_choosesForm() {
        String p = "Please choose at most {max, plural, one {# option} other {# options}}.";
        assertEquals("Please choose at most 1 option.", Texts.format("en", p, Map.of("max", 1)));
        assertEquals("Please choose at most 3 options.", Texts.format("en", p, Map.of("max", 3)));
    }

    @Test
    void format_whenRtl_isolatesInterpolatedValues() {
        String out = Texts.format("ar", "مرحبا {name}", Map.of("name", "Sara"));
        assertEquals("مرحبا \u2068Sara\u2069", out);
    }

    @Test
    void format_whenRtlNumberInSimpleArgument_isolatesInLocaleDigits() {
        assertEquals("من \u2068۱\u2069 تا \u2068۵\u2069", Texts.format("fa", "من {min} تا {max}", Map.of("min", 1, "max", 5)));
    }

    @Test
    void format_whenRtlPlural_keepsNumberForPluralRules() {
        String p = "{n, plural, one {# خيار} two {خياران} other {# خيارات}}";
        assertEquals("خياران", Texts.format("ar", p, Map.of("n", 2)));
    }

    @Test
    void format_whenLtr_doesNotIsolate() {
        assertEquals("Hi Sara", Texts.format("en", "Hi {name}", Map.of("name", "Sara")));
    }

    @Test
    void format_whenBrokenPattern_returnsPattern() {
        assertEquals("Hi {name", Texts.format("en", "Hi {name", Map.of("name", "x")));
    }

    @Test
    void list_whenArabic_joinsWithWaw() {
        assertEquals("العمل والسكن والتعليم", Texts.list("ar", List.of("العمل", "السكن", "التعليم")));
        assertEquals("Work, Housing, and Education", Texts.list("en", List.of("Work", "Housing", "Education")));
    }

    @Test
    void graphemes_whenEmojiSequences_countsPerceivedCharacters() {
        assertEquals(2, Graphemes.count("👍🏽👨‍👩‍👧"));
        assertEquals("👍🏽", Graphemes.truncate("👍🏽👨‍👩‍👧", 1));
        assertEquals(0, Graphemes.count(""));
    }
}
