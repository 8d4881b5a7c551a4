package nl.stem.survey;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Whatever is uploaded, the loader answers with problems, never with an exception. */
class RobustnessTest {

    @Test
    void load_whenContentIsOddYaml_givesProblemsNotExceptions() {
        String[] inputs = {"", "   ", "~", "42", "[1, 2", "\t- tab", "a: &x [*x]", "questions: {a: b}", "id: t\nquestions: [1, [2], {}]",
                "!!java.io.File /etc/passwd", "id: !!python/object:x {}", "%YAML 9.9\n---\na: 1", "---\na: 1\n---\nb: 2",
                "id: t\nquestions:\n  - id: q\n    type: single_choice\n    text: x\n    choices: [a, b]",
                "id: t\nlanguages: nl\nsource_language: [nl]\ntitle: {a: b}\nquestions:\n  - {id: q, type: scale, min: x, max: []}"};
        for (String in : inputs) {
            LoadResult r = assertDoesNotThrow(() -> Loading.load(in), in);
            assertFalse(r.valid(), in);
            assertFalse(r.problems().isEmpty(), in);
            assertTrue(r.problems().stream().noneMatch(p -> p.message().startsWith("internal error")), () -> in + " -> " + r.problems());
        }
    }

    @Test
    void load_whenRandomBytes_neverThrows() {
        Random random = new Random(42);
        String alphabet = "ab:- \n\t[]{}'\"#&*!|>%@`,?q1";
        for (int i = 0; i < 300; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = 0; j < 40; j++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String in = b.toString();
            LoadResult r = assertDoesNotThrow(() -> Loading.load(in, Map.of("en", in)), in);
            assertTrue(r.problems().stream().noneMatch(p -> p.message().startsWith("internal error")), () -> in + " -> " + r.problems());
        }
    }

    @Test
    void languageTags_whenCommonNewcomerLanguages_areAccepted() {
        for (String tag : new String[] {"nl", "en", "ar", "ti", "fa", "prs", "uk", "tr", "so", "ku", "ckb", "ps", "ru", "fr", "en-GB"}) {
            assertTrue(LanguageTags.problem(tag).isEmpty(), tag);
        }
        assertTrue(LanguageTags.problem("xx-!!").isPresent());
        assertTrue(LanguageTags.problem("qq").isPresent());
        assertTrue(LanguageTags.problem("NL").equals(Optional.of("write language 'NL' as 'nl'")));
    }
}
