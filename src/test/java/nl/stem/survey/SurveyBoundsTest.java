package nl.stem.survey;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Hostile survey files: deep or long conditions, deep YAML, aliases that multiply, huge files, deep
 * ICU patterns and characters PostgreSQL refuses. Each gives a problem naming file, line and key;
 * none reaches a stack overflow.
 */
class SurveyBoundsTest {

    private static SurveyProblem only(LoadResult r, String messagePart) {
        assertFalse(r.valid());
        return r.problems().stream().filter(p -> p.message().contains(messagePart)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem with '" + messagePart + "' in " + r.problems()));
    }

    private static String withCondition(String when) {
        return Loading.survey("""
                  - id: age
                    type: number
                    text: Leeftijd?
                  - id: job
                    type: text
                    text: Werk?
                    when: "%s"
                """.formatted(when));
    }

    @Test
    void when_whenNestedAHundredThousandDeep_isAProblemOnItsLineAndKey() {
        String when = "(".repeat(100_000) + "age > 1" + ")".repeat(100_000);
        SurveyProblem p = only(assertDoesNotThrow(() -> Loading.load(withCondition(when))), "condition");
        assertEquals("surveys/t.yaml", p.file());
        assertEquals(12, p.line());
        assertTrue(p.key().endsWith("when"), p.key());
    }

    @Test
    void when_whenNotRepeatedDeeplyOrChainedLong_isAProblem() {
        only(Loading.load(withCondition("not ".repeat(30) + "age > 1")), "nested deeper than 20");
        only(Loading.load(withCondition(String.join(" and ", java.util.Collections.nCopies(60, "age > 1")))), "more than 50 comparisons");
        only(Loading.load(withCondition("age > 1 or ".repeat(200) + "age > 1")), "longer than 1000");
    }

    @Test
    void when_atItsBounds_stillWorks() {
        String nested = "(".repeat(20) + "age > 1" + ")".repeat(20);
        assertTrue(Loading.load(withCondition(nested)).valid(), nested);
        String chain = String.join(" and ", java.util.Collections.nCopies(50, "age > 1"));
        assertTrue(Loading.load(withCondition(chain)).valid());
    }

    @Test
    void yaml_whenNestedDeeply_namesTheLineAndTheKeyPath() {
        String yaml = Loading.survey("""
                  - id: consent
                    type: consent
                    text: Doe je mee?
                    extra:
                """ + "      " + "[".repeat(50) + "]".repeat(50) + "\n");
        SurveyProblem p = only(Loading.load(yaml), "nested deeper than");
        assertEquals(10, p.line(), "the line of the brackets, under extra: on line 9");
        assertTrue(p.key().startsWith("questions[0].extra"), p.key());

        String flow = "[".repeat(YamlBounds.MAX_CHARS + 1);
        only(assertDoesNotThrow(() -> Loading.load(flow)), "characters; at most");
        String bracketsJustUnder = "[".repeat(200_000);
        only(assertDoesNotThrow(() -> Loading.load(bracketsJustUnder)), "nested deeper than");
    }

    @Test
    void yaml_whenAliasesMultiply_isAProblem() {
        StringBuilder b = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'k'; c++) {
            b.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                b.append(i == 0 ? "" : ", ").append('*').append(prev);
            }
            b.append("]\n");
            prev = c;
        }
        LoadResult r = assertDoesNotThrow(() -> Loading.load(b.toString()));
        assertFalse(r.valid());
        assertTrue(r.problems().stream().anyMatch(p -> p.message().toLowerCase().contains("alias")), r.problems().toString());
    }

    @Test
    void icuPattern_whenNestedDeeply_isAProblemNotAStackOverflow() {
        String deep = "{n, select, a {".repeat(5_000) + "x" + "} other {y}}".repeat(5_000);
        String po = Loading.po("nl", new String[] {"consent.text", "Doe je mee?", deep});
        LoadResult r = assertDoesNotThrow(() -> Loading.load(Loading.MINIMAL, Map.of("nl", po)));
        assertTrue(r.problems().stream().anyMatch(p -> p.message().contains("nested deeper than")), r.problems().toString());
    }

    @Test
    void files_whenTheyHoldANulCharacter_areRefusedWithTheLine() {
        SurveyProblem p = only(Loading.load(Loading.MINIMAL.replace("Doe je mee?", "Doe je\u0000 mee?")), "U+0000");
        assertEquals("surveys/t.yaml", p.file());
        assertEquals(8, p.line());
        assertEquals("encoding", p.key());
    }
}
