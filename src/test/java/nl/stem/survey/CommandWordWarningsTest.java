package nl.stem.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import nl.stem.language.CommandWords;
import nl.stem.translation.PoFile;

/** The validator warns where a translation tells people to send a word that is not one of its language's command words. */
class CommandWordWarningsTest {

    static CommandWords stemWords() throws IOException {
        Map<String, Map<String, String>> texts = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("translations/_stem"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".po")).toList()) {
                texts.put(f.getFileName().toString().replace(".po", ""), PoFile.read(f).texts());
            }
        }
        return CommandWords.of(texts);
    }

    @Test
    void load_whenTigrinyaConsentSaysSendStopInEnglish_warnsWithFileLineAndKey() throws IOException {
        String yaml = Loading.header("[nl, ti]") + """
                  - id: consent
                    type: consent
                    text: "Doe je mee? Stuur “stop” om te stoppen."
                """;
        String ti = Loading.po("ti", new String[]{"consent.text", "Doe je mee? Stuur “stop” om te stoppen.",
                "ክትሳተፉ ዶ? ደው ንምባል «stop» ስደዱ።"}, new String[]{"survey.title", "Test", "ፈተነ"});
        LoadResult r = new SurveyLoader(Loading.TAXONOMY, stemWords(), SurveyLoader.DEFAULT_MAX_PROMPT_SECONDS).load(new SurveySource("surveys/t.yaml", yaml,
                Map.of("ti", new SurveySource.TranslationFile("translations/t/ti.po", ti))));
        SurveyProblem p = Loading.problem(r, SurveyProblem.Severity.WARNING, "translations/t/ti.po", 5, "consent.text");
        assertTrue(p.message().contains("“stop”") && p.message().contains("ti"), p.message());
        assertTrue(r.valid(), "a warning does not stop publishing: " + r.problems());
    }

    @Test
    void load_whenTigrinyaConsentNamesTheTigrinyaWord_warnsNothing() throws IOException {
        String yaml = Loading.header("[nl, ti]") + """
                  - id: consent
                    type: consent
                    text: "Doe je mee? Stuur “stop” om te stoppen."
                """;
        String ti = Loading.po("ti", new String[]{"consent.text", "Doe je mee? Stuur “stop” om te stoppen.",
                "ክትሳተፉ ዶ? ደው ንምባል «ደው በል» ስደዱ።"}, new String[]{"survey.title", "Test", "ፈተነ"});
        LoadResult r = new SurveyLoader(Loading.TAXONOMY, stemWords(), SurveyLoader.DEFAULT_MAX_PROMPT_SECONDS).load(new SurveySource("surveys/t.yaml", yaml,
                Map.of("ti", new SurveySource.TranslationFile("translations/t/ti.po", ti))));
        assertEquals(List.of(), r.problems().stream().filter(p -> p.message().contains("tells people to send")).toList());
    }

    /** Both example surveys, in all 14 languages, name each language's own words. */
    @Test
    void exampleSurveys_inEveryLanguage_nameTheirOwnCommandWords() throws IOException {
        SurveyLoader loader = new SurveyLoader(Loading.TAXONOMY, stemWords(), SurveyLoader.DEFAULT_MAX_PROMPT_SECONDS);
        List<String> wrong = new ArrayList<>();
        for (SurveySource s : SurveyLoader.readDirectory(Path.of("surveys"), Path.of("translations"))) {
            LoadResult r = loader.load(s);
            assertTrue(r.valid(), s.surveyFile() + ": " + r.errors());
            assertEquals(14, r.survey().languages().size(), s.surveyFile());
            r.problems().stream().filter(p -> p.message().contains("tells people to send")).forEach(p -> wrong.add(p.toString()));
        }
        assertEquals(List.of(), wrong);
    }
}
