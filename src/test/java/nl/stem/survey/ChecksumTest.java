package nl.stem.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ChecksumTest {
    private final SurveyLoader loader = new SurveyLoader(Loading.TAXONOMY);

    private static SurveySource source(String yaml, String en, String ar) {
        Map<String, SurveySource.TranslationFile> t = new LinkedHashMap<>();
        if (ar != null) {
            t.put("ar", new SurveySource.TranslationFile("translations/t/ar.po", ar));
        }
        if (en != null) {
            t.put("en", new SurveySource.TranslationFile("translations/t/en.po", en));
        }
        return new SurveySource("surveys/t.yaml", yaml, t);
    }

    @Test
    void checksum_whenSameFiles_isTheSameWhateverTheMapOrder() {
        String a = loader.load(source(Loading.MINIMAL, "en", "ar")).checksum();
        Map<String, SurveySource.TranslationFile> reversed = new LinkedHashMap<>();
        reversed.put("en", new SurveySource.TranslationFile("translations/t/en.po", "en"));
        reversed.put("ar", new SurveySource.TranslationFile("translations/t/ar.po", "ar"));
        String b = loader.load(new SurveySource("surveys/t.yaml", Loading.MINIMAL, reversed)).checksum();
        assertEquals(a, b);
        assertTrue(a.matches("[0-9a-f]{64}"), a);
    }

    @Test
    void checksum_whenTranslationChanges_isNew() {
        String a = loader.load(source(Loading.MINIMAL, "msgstr \"Hi\"", null)).checksum();
        String b = loader.load(source(Loading.MINIMAL, "msgstr \"Hello\"", null)).checksum();
        assertNotEquals(a, b);
    }

    @Test
    void checksum_whenSurveyFileOrTranslationSetChanges_isNew() {
        String a = loader.load(source(Loading.MINIMAL, "x", null)).checksum();
        assertNotEquals(a, loader.load(source(Loading.MINIMAL + "\n", "x", null)).checksum());
        assertNotEquals(a, loader.load(source(Loading.MINIMAL, "x", "")).checksum());
    }

    @Test
    void checksum_whenContentMovesBetweenFiles_isNew() {
        // lengths are hashed too, so "ab"+"" and "a"+"b" differ
        assertNotEquals(loader.load(source(Loading.MINIMAL, "ab", "")).checksum(),
                loader.load(source(Loading.MINIMAL, "b", "a")).checksum());
    }

    @Test
    void checksum_whenYamlUnreadable_isStillComputed() {
        assertTrue(loader.load(source("a: [", null, null)).checksum().matches("[0-9a-f]{64}"));
    }
}
