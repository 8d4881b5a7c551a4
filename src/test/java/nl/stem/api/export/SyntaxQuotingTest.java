package nl.stem.api.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SyntaxQuotingTest {
    @Test
    void spssQuote_whenApostrophesAndLineBreaks_doublesAndFlattens() {
        assertEquals("'Zeg ''t maar: \"nee\"'", SpssSyntax.quote("Zeg 't maar: \"nee\"", 255));
        assertEquals("'een twee'", SpssSyntax.quote("een\ntwee", 255));
    }

    @Test
    void spssQuote_whenArabicOverTheLimit_cutsOnACharacterBoundary() {
        String arabic = "ما مدى مساعدة UWV لك في العثور على عمل؟".repeat(10);
        String q = SpssSyntax.quote(arabic, 120);
        String inner = q.substring(1, q.length() - 1);
        assertTrue(inner.getBytes(StandardCharsets.UTF_8).length <= 120);
        assertTrue(arabic.startsWith(inner));
    }

    @Test
    void stataQuote_whenQuotesAndMacroCharacters_escapesThem() {
        assertEquals("`\"He said \"no\"\"'", StataSyntax.quote("He said \"no\""));
        assertEquals("`\"cost \\$5 \\`x' it's\"'", StataSyntax.quote("cost $5 `x' it's"));
        assertEquals("`\"a\" 'b\"'", StataSyntax.quote("a\"'b"));
        assertEquals("`\"نعم\"'", StataSyntax.quote("نعم"));
    }

    @Test
    void names_whenSlashesOrClashes_areValidAndUnique() {
        Set<String> used = new HashSet<>();
        assertEquals("where_street", SpssSyntax.name("where/street", used));
        assertEquals("where_street_2", SpssSyntax.name("where_street", used));
        Set<String> stata = new HashSet<>();
        String longName = StataSyntax.name("a_very_long_question_identifier_indeed/choice", stata);
        assertTrue(longName.length() <= 32, longName);
        assertEquals("lbl_3", StataSyntax.labelName("a_very_long_question_identifier", 2));
    }
}
