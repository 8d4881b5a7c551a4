package nl.stem.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one rule for text from outside: what is removed or refused, NFC, and length. */
class ExternalTextTest {

    @Test
    void clean_whenNulAndOtherControls_removesThemAndKeepsTabsAndLineBreaks() {
        assertEquals("ja\tnee\r\nmisschien", ExternalText.clean("j\u0000a\tn\u0007ee\r\n\u001Bmis\u007Fsch\u0085ien", 100));
    }

    @Test
    void clean_whenALoneSurrogate_replacesItAndKeepsPairs() {
        String emoji = "\uD83D\uDE00";
        assertEquals("a\uFFFDb" + emoji + "\uFFFD", ExternalText.clean("a\uD800b" + emoji + "\uDE00", 100));
    }

    @Test
    void clean_whenDecomposed_givesNfc() {
        assertEquals("\u00E9", ExternalText.clean("e\u0301", 10));
    }

    @Test
    void clean_whenRightToLeftMarksAndJoiners_keepsThem() {
        String arabic = "\u200Fسلام\u200D";
        assertSame(arabic, ExternalText.clean(arabic, 100), "nothing to change: the same string");
    }

    @Test
    void clean_whenLongerThanTheLimit_cutsBetweenCodePointsNeverInsideAPair() {
        assertEquals("abc", ExternalText.clean("abcdef", 3));
        assertEquals("ab", ExternalText.clean("ab\uD83D\uDE00", 3), "the pair does not fit whole: left out");
        assertNull(ExternalText.clean(null, 3));
    }

    @Test
    void problem_namesTheCharacterAndWhereItIs() {
        assertEquals(Optional.of("U+0000 at position 3"), ExternalText.problem("ab\u0000"));
        assertEquals(Optional.of("U+0001 at line 2, column 2"), ExternalText.problem("x\ny\u0001"));
        assertEquals(Optional.of("a lone surrogate half U+DC00 at position 1"), ExternalText.problem("\uDC00"));
        assertEquals(Optional.empty(), ExternalText.problem("Tigrinya ትግርኛ \uD83D\uDE00\ttab"));
    }

    @Test
    void cellProblems_nameTheColumn() {
        assertEquals(List.of("region has U+0000 at position 4, a character Stem cannot store"),
                ExternalText.cellProblems(List.of("member_id", "region"), List.of("M1", "Utr\u0000")));
    }

    @Test
    void cleanAll_cleansKeysAndValues() {
        assertEquals(Map.of("Body", "hoi"), ExternalText.cleanAll(Map.of("Bo\u0000dy", "h\u0000oi"), 100));
    }

    record Body(String name, Map<String, String> texts, List<String> members) {
    }

    @Test
    void cleanJson_whenRemove_cleansEveryStringAndKey() throws Exception {
        Body b = CleanJson.reader(new ObjectMapper(), Body.class, TextRule.REMOVE)
                .readValue("{\"name\":\"a\\u0000b\",\"texts\":{\"n\\u0000l\":\"x\\ud800\"},\"members\":[\"M\\u00001\"]}");
        assertEquals(new Body("ab", Map.of("nl", "x\uFFFD"), List.of("M1")), b);
    }

    @Test
    void cleanJson_whenRefuse_namesTheField() {
        var reader = CleanJson.reader(new ObjectMapper(), Body.class, TextRule.REFUSE);
        CleanJson.UnfitText e = assertThrows(CleanJson.UnfitText.class,
                () -> reader.readValue("{\"texts\":{\"nl\":\"regel\\nnog\\u0000\"}}"));
        assertTrue(e.getOriginalMessage().contains("/texts/nl"), e.getOriginalMessage());
        assertTrue(e.getOriginalMessage().contains("U+0000 at line 2, column 4"), e.getOriginalMessage());
    }
}
