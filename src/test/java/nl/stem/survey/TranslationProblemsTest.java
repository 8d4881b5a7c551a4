package nl.stem.survey;

import static nl.stem.survey.Loading.assertMessage;
import static nl.stem.survey.Loading.problem;
import static nl.stem.survey.SurveyProblem.Severity.ERROR;
import static nl.stem.survey.SurveyProblem.Severity.WARNING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** One broken translation set per case, as files under src/test/resources/survey-problems/<case>/. */
class TranslationProblemsTest {
    private static final String EN = "translations/t/en.po";

    static LoadResult loadCase(String name) throws Exception {
        Path root = Path.of(TranslationProblemsTest.class.getResource("/survey-problems/" + name).toURI());
        List<SurveySource> sources = SurveyLoader.readDirectory(root.resolve("surveys"), root.resolve("translations"));
        assertEquals(1, sources.size());
        return new SurveyLoader(Loading.TAXONOMY).load(sources.get(0));
    }

    @Test
    void load_whenListedLanguageHasNoPoFile_reportsMissingTranslations() throws Exception {
        LoadResult r = loadCase("missing_po");
        assertMessage("missing translations: no file translations/t/en.po for language en",
                problem(r, ERROR, "surveys/t.yaml", 4, "languages.en"));
        assertFalse(r.valid());
    }

    @Test
    void load_whenKeyMissingInALanguage_reportsTheKey() throws Exception {
        LoadResult r = loadCase("missing_key");
        assertMessage("missing translation in en", problem(r, ERROR, EN, 0, "status.choice.search"));
        assertFalse(r.valid());
    }

    @Test
    void load_whenPoHasKeyNotInSurvey_warnsAtItsLine() throws Exception {
        LoadResult r = loadCase("extra_key");
        assertMessage("extra key not in the survey", problem(r, WARNING, EN, 21, "status.choice.study"));
        assertTrue(r.valid(), "an extra key is only a warning");
    }

    @Test
    void load_whenMsgidNoLongerMatchesSource_warnsStale() throws Exception {
        LoadResult r = loadCase("stale_msgid");
        assertMessage("source text changed, translation may be stale (msgid \"Wat doe jij?\", survey now says \"Wat doe je?\")",
                problem(r, WARNING, EN, 9, "status.text"));
        assertTrue(r.valid());
        assertEquals("What do you do?", r.texts().pattern("en", "status.text"));
    }

    @Test
    void load_whenTranslationIsBrokenIcuPattern_reportsIcuMessage() throws Exception {
        LoadResult r = loadCase("broken_icu");
        SurveyProblem p = problem(r, ERROR, EN, 9, "status.text");
        assertTrue(p.message().startsWith("broken ICU MessageFormat pattern: Bad argument syntax"), p.message());
    }

    @Test
    void load_whenMsgstrEmpty_reportsUntranslatedAtTheEntry() throws Exception {
        LoadResult r = loadCase("empty_msgstr");
        assertMessage("missing translation in en (empty msgstr)", problem(r, ERROR, EN, 9, "status.text"));
    }

    @Test
    void load_whenPoSyntaxBroken_reportsPoFileProblemWithLine() throws Exception {
        LoadResult r = loadCase("po_syntax");
        assertMessage("expected a quoted string: What do you do?", problem(r, ERROR, EN, 11, "po"));
    }

    @Test
    void load_whenLanguageHeaderDisagreesWithFileName_reportsIt() throws Exception {
        LoadResult r = loadCase("language_header");
        assertMessage("the header says Language: ar but the file is for en", problem(r, ERROR, EN, 1, "Language"));
    }

    @Test
    void load_whenPoForUnlistedLanguage_warnsAndIgnoresIt() throws Exception {
        LoadResult r = loadCase("unlisted_language");
        assertMessage("language 'de' is not listed in the survey's languages; the file is ignored",
                problem(r, WARNING, "translations/t/de.po", 0, "Language"));
        assertTrue(r.valid());
        assertFalse(r.texts().byLanguage().containsKey("de"));
    }

    @Test
    void load_whenSourceLanguagePoExists_readsItLikeTheOthers() {
        String yaml = Loading.MINIMAL;
        LoadResult r = Loading.load(yaml, java.util.Map.of("nl", Loading.po("nl",
                new String[] {"survey.title", "Test", "Test!"}, new String[] {"consent.text", "Doe je mee?", "Doe jij mee?"})));
        assertTrue(r.valid(), () -> r.problems().toString());
        assertEquals("Doe jij mee?", r.texts().pattern("nl", "consent.text"));
    }
}
