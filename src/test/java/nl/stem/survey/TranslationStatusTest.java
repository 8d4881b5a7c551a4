package nl.stem.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.stem.translation.PoEntry;
import nl.stem.translation.PoFile;

/**
 * Translation status per key and the PO template, on the shipped safety survey: its machine-drafted
 * files are fuzzy throughout; a new question is missing everywhere until its template entry is
 * filled in; a changed source text makes its translation stale; the template reads back as the
 * same entries, and filled in it makes the survey valid again.
 */
class TranslationStatusTest {
    private static final String ID = "veiligheid_en_stabiliteit";
    private static final String NEW_QUESTION = """
              - id: lessons
                type: single_choice
                text: "Helpen de taallessen je? \\"Ja\\" of nee"
                choices:
                  - {id: "yes", label: Ja}
                  - {id: "no", label: Nee}
            """;

    @Test
    void shippedFiles_areFuzzyThroughout() throws Exception {
        TranslationStatus.Report report = TranslationStatus.of(shipped(), Loading.TAXONOMY).orElseThrow();
        assertEquals("nl", report.sourceLanguage());
        assertEquals(java.util.List.of("en", "ar", "ti", "fa", "prs", "ps", "ckb", "kmr", "so", "uk", "ru", "tr", "fr"),
                report.languages().stream().map(TranslationStatus::language).toList());
        TranslationStatus ar = report.of("ar").orElseThrow();
        assertEquals(ar.entries().size(), ar.fuzzy(), "every Arabic entry is machine-drafted");
        assertEquals(0, ar.missing());
    }

    @Test
    void aNewQuestion_isMissing_andAChangedText_isStale_untilTheTemplateIsFilledIn() throws Exception {
        SurveySource base = shipped();
        String yaml = base.yaml().replace("Hoe veilig voel je je in je buurt?", "Hoe veilig voel je je in jouw buurt?")
                .replace("questions:\n", "questions:\n" + NEW_QUESTION);
        SurveySource changed = new SurveySource(base.surveyFile(), yaml, base.translations());
        assertTrue(new SurveyLoader(Loading.TAXONOMY).load(changed).errors().stream().anyMatch(p -> p.key().equals("lessons.text")),
                "the loader refuses the missing translations");

        TranslationStatus ar = TranslationStatus.of(changed, Loading.TAXONOMY).orElseThrow().of("ar").orElseThrow();
        Map<String, TranslationStatus.State> states = new LinkedHashMap<>();
        ar.entries().forEach(e -> states.put(e.key(), e.state()));
        assertEquals(TranslationStatus.State.MISSING, states.get("lessons.text"));
        assertEquals(TranslationStatus.State.MISSING, states.get("lessons.choice.yes"));
        assertEquals(TranslationStatus.State.STALE, states.get("safe_area.text"));
        assertEquals(3, ar.missing());

        String template = ar.template(ID);
        PoFile po = PoFile.parse(Path.of("ar.po"), template);
        assertTrue(po.problems().isEmpty(), po.problems().toString());
        assertEquals("ar", po.header().get("Language"));
        PoEntry lessons = po.entries().stream().filter(e -> "lessons.text".equals(e.key())).findFirst().orElseThrow();
        assertEquals("Helpen de taallessen je? \"Ja\" of nee", lessons.source(), "quotes survive the round trip");
        assertEquals("", lessons.text());
        PoEntry stale = po.entries().stream().filter(e -> "safe_area.text".equals(e.key())).findFirst().orElseThrow();
        assertTrue(stale.unreviewed(), "a stale entry comes back fuzzy, for review");
        assertEquals("Hoe veilig voel je je in jouw buurt?", stale.source(), "with the current source text");
        assertEquals(ar.entries().size(), po.entries().size());

        // A translator fills in the empty entries: the survey is valid again in Arabic.
        String filled = template.replace("msgid \"Helpen de taallessen je? \\\"Ja\\\" of nee\"\nmsgstr \"\"",
                        "msgid \"Helpen de taallessen je? \\\"Ja\\\" of nee\"\nmsgstr \"هل تساعدك دروس اللغة؟\"")
                .replace("msgid \"Ja\"\nmsgstr \"\"", "msgid \"Ja\"\nmsgstr \"نعم\"")
                .replace("msgid \"Nee\"\nmsgstr \"\"", "msgid \"Nee\"\nmsgstr \"لا\"");
        Map<String, SurveySource.TranslationFile> files = new LinkedHashMap<>(changed.translations());
        files.put("ar", new SurveySource.TranslationFile("translations/" + ID + "/ar.po", filled));
        TranslationStatus after = TranslationStatus.of(new SurveySource(changed.surveyFile(), yaml, files), Loading.TAXONOMY)
                .orElseThrow().of("ar").orElseThrow();
        assertEquals(0, after.missing(), after.entries().toString());
        assertTrue(new SurveyLoader(Loading.TAXONOMY).load(new SurveySource(changed.surveyFile(), yaml, files)).errors().stream()
                .noneMatch(p -> p.file().endsWith("ar.po")), "no error left in the Arabic file");
    }

    @Test
    void anUnreadableSurveyFile_hasNoStatus() {
        assertTrue(TranslationStatus.of(new SurveySource("surveys/x.yaml", "id: [", Map.of()), Loading.TAXONOMY).isEmpty());
        assertEquals("\"a\\\\b\\\"c\\nd\"", TranslationStatus.quote("a\\b\"c\nd"));
    }

    private static SurveySource shipped() throws Exception {
        return SurveyLoader.readDirectory(Path.of("surveys"), Path.of("translations")).stream()
                .filter(s -> s.surveyFile().endsWith(ID + ".yaml")).findFirst().orElseThrow();
    }
}
