package nl.stem.survey.xlsform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.ReadingOrder;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import nl.stem.survey.LoadResult;
import nl.stem.survey.SurveyProblem.Severity;
import nl.stem.survey.SurveySource;
import nl.stem.survey.model.SurveyVersion;
import nl.stem.translation.PoEntry;
import nl.stem.translation.PoFile;

/** Export then import: the same survey (same checksum) and the same translations; an edit gives a new version. */
class RoundTripTest {

    static SurveyVersion version(LoadResult r) {
        return new SurveyVersion(r.survey(), r.texts(), 1, r.checksum());
    }

    @ParameterizedTest
    @ValueSource(strings = {"toegang_tot_werk", "veiligheid_en_stabiliteit"})
    void exampleSurvey_exportedAndImported_givesTheSameChecksum(String id) {
        SurveySource source = ExampleSurveys.named(id);
        LoadResult published = ExampleSurveys.load(source);
        assertTrue(published.valid(), published.problems().toString());
        byte[] xlsx = XlsForms.write(version(published), Map.of("nl", "Niet van toepassing"));
        XlsForms.Import back = XlsForms.read(xlsx, null, ExampleSurveys.LOADER, ExampleSurveys.publishedAs(source));
        assertTrue(back.valid(), XlsFormImportTest.list(back));
        assertEquals(published.checksum(), back.result().checksum(), XlsFormImportTest.list(back));
        assertEquals(source, back.source());
        assertEquals(1, back.sameAs());
        assertEquals(published.texts(), back.result().texts(), "the same translations");
    }

    /** A survey born from a form, exported and imported again, is the same to the byte, with or without its version at hand. */
    @ParameterizedTest
    @ValueSource(strings = {"toegang_tot_werk", "veiligheid_en_stabiliteit"})
    void formBornSurvey_exportedAndImported_isAFixpoint(String id) {
        LoadResult hand = ExampleSurveys.load(ExampleSurveys.named(id));
        XlsForms.Import first = XlsForms.read(XlsForms.write(version(hand), Map.of()), null, ExampleSurveys.LOADER, XlsForms.Versions.NONE);
        assertTrue(first.valid(), XlsFormImportTest.list(first));
        assertEquals(0, first.sameAs());
        assertEquals(hand.survey().questions().size(), first.result().survey().questions().size());
        assertEquals(hand.texts().byLanguage(), first.result().texts().byLanguage(), "every text in every language");
        XlsForms.Import second = XlsForms.read(XlsForms.write(version(first.result()), Map.of()), null, ExampleSurveys.LOADER,
                XlsForms.Versions.NONE);
        assertEquals(first.source(), second.source());
        assertEquals(first.result().checksum(), second.result().checksum());
    }

    /** Every kind of question and key, with texts a spreadsheet must not change: line breaks, quotes, ICU plurals, emoji, RTL marks. */
    @Test
    void everyQuestionTypeAndKey_roundTripsToTheSameSurvey() {
        String yaml = """
                id: alles
                title: "Alles \\\\ \\"overal\\""
                source_language: nl
                languages: [nl, ar]
                open_to_anyone: false
                questions:
                  - id: consent
                    type: consent
                    text: "Doe je mee?\\nHet duurt 5 minuten 🙂"
                  - id: intro
                    type: info
                    text: "{n, plural, one {# vraag} other {# vragen}}"
                    hint: "Lees goed"
                  - id: langs
                    type: multiple_choice
                    text: Welke talen?
                    min: 2
                    max: 3
                    constraint_message: "Twee of drie"
                    choices:
                      - {id: nl, label: Nederlands}
                      - {id: ar, label: Arabisch}
                      - {id: en, label: Engels}
                      - {id: "1", label: "Een 'andere'"}
                    ioi: [language_communication]
                  - id: weight
                    type: number
                    text: Gewicht?
                    decimal: true
                    min: -2.5
                    max: 300.25
                    optional: true
                    when: "langs != 'ar' and count(langs) >= 2"
                  - id: help
                    type: scale
                    text: Hulp?
                    min: 0
                    max: 10
                    min_label: Geen
                    max_label: Veel
                    not_applicable: true
                    when: "langs in ['nl', 'en'] or weight in [1, 2.5]"
                  - id: job
                    type: text
                    text: Werk?
                    max_length: 80
                    constraint_message: Korter graag
                    when: "not (help >= 5 or empty(weight))"
                  - id: story
                    type: open
                    text: Vertel
                    images: true
                    optional: true
                    when: "answered(job) and job != 'geen'"
                  - id: photo
                    type: image
                    text: Stuur een foto
                    optional: true
                    media_audio: {ar: foto_ar.mp3, nl: foto_nl.mp3}
                """;
        String ar = "msgid \"\"\nmsgstr \"\"\n\"Language: ar\\n\"\n" + po(
                "survey.title", "Alles \\\\ \\\"overal\\\"", "كل شيء \\\"في كل مكان\\\"",
                "consent.text", "Doe je mee?\\nHet duurt 5 minuten 🙂", "هل تشارك؟\\nيستغرق ٥ دقائق 🙂",
                "intro.text", "{n, plural, one {# vraag} other {# vragen}}", "{n, plural, one {سؤال واحد} other {# أسئلة}}",
                "intro.hint", "Lees goed", "\u200Fاقرأ جيدًا",
                "langs.text", "Welke talen?", "أي اللغات؟",
                "langs.constraint_message", "Twee of drie", "اثنتان أو ثلاث",
                "langs.choice.nl", "Nederlands", "الهولندية",
                "langs.choice.ar", "Arabisch", "العربية",
                "langs.choice.en", "Engels", "الإنجليزية",
                "langs.choice.1", "Een 'andere'", "لغة 'أخرى'",
                "weight.text", "Gewicht?", "الوزن؟",
                "help.text", "Hulp?", "المساعدة؟",
                "help.min_label", "Geen", "لا شيء",
                "help.max_label", "Veel", "كثير",
                "job.text", "Werk?", "العمل؟",
                "job.constraint_message", "Korter graag", "أقصر من فضلك",
                "story.text", "Vertel", "احكِ",
                "photo.text", "Stuur een foto", "أرسل صورة");
        SurveySource source = new SurveySource("surveys/alles.yaml", yaml, Map.of("ar", new SurveySource.TranslationFile("translations/alles/ar.po", ar)));
        LoadResult hand = ExampleSurveys.load(source);
        assertTrue(hand.valid(), hand.problems().toString());

        XlsForms.Import back = XlsForms.read(XlsForms.write(version(hand), Map.of()), null, ExampleSurveys.LOADER, ExampleSurveys.publishedAs(source));
        assertTrue(back.valid(), XlsFormImportTest.list(back));
        assertEquals(hand.checksum(), back.result().checksum(), XlsFormImportTest.list(back));

        XlsForms.Import fresh = XlsForms.read(XlsForms.write(version(hand), Map.of()), null, ExampleSurveys.LOADER, XlsForms.Versions.NONE);
        assertTrue(fresh.valid(), XlsFormImportTest.list(fresh));
        assertEquals(hand.texts().byLanguage(), fresh.result().texts().byLanguage());
        var questions = fresh.result().survey().questions();
        for (int q = 0; q < questions.size(); q++) {
            var a = nl.stem.api.survey.QuestionViews.definition(hand.survey().questions().get(q));
            var b = nl.stem.api.survey.QuestionViews.definition(questions.get(q));
            a.remove("when");
            b.remove("when");
            assertEquals(a, b, "question " + questions.get(q).id());
            assertEquals(hand.survey().questions().get(q).head().audio(), questions.get(q).head().audio());
        }
        assertEquals("langs != 'ar' and count(langs) >= 2", questions.get(3).head().when().source());
        assertEquals("'nl' in langs or 'en' in langs or (weight == 1 or weight == 2.5)", questions.get(4).head().when().source());
    }

    static String po(String... triples) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < triples.length; i += 3) {
            b.append("\nmsgctxt \"").append(triples[i]).append("\"\nmsgid \"").append(triples[i + 1])
                    .append("\"\nmsgstr \"").append(triples[i + 2]).append("\"\n");
        }
        return b.toString();
    }

    @Test
    void export_hasTheXlsFormSheetsLanguageColumnsAndRightToLeftCells() throws IOException {
        LoadResult hand = ExampleSurveys.load(ExampleSurveys.named("veiligheid_en_stabiliteit"));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(XlsForms.write(version(hand), Map.of("nl", "Niet van toepassing"))))) {
            assertEquals(List.of("survey", "choices", "settings"), List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)));
            List<String> header = cells(wb.getSheet("survey").getRow(0));
            assertEquals(List.of("type", "name", "label::Dutch (nl)", "label::English (en)", "label::Arabic (ar)", "label::Tigrinya (ti)",
                    "label::Persian (fa)", "label::Dari (prs)", "label::Pashto (ps)", "label::Central Kurdish (ckb)", "label::Kurdish (kmr)", "label::Somali (so)", "label::Ukrainian (uk)", "label::Russian (ru)", "label::Turkish (tr)", "label::French (fr)", "required", "relevant", "constraint",
                    "appearance", "stem_type", "consent", "ioi"), header);
            XSSFSheet survey = wb.getSheet("survey");
            assertEquals(List.of("acknowledge", "consent"), cells(survey.getRow(1)).subList(0, 2));
            Row where = row(survey, "where");
            assertEquals("select_multiple where", where.getCell(0).getStringCellValue());
            assertEquals("${harassed} = 'yes'", where.getCell(header.indexOf("relevant")).getStringCellValue());
            Row moves = row(survey, "moves");
            assertEquals(". >= 0 and . <= 20", moves.getCell(header.indexOf("constraint")).getStringCellValue());
            XSSFCellStyle arabic = (XSSFCellStyle) survey.getRow(1).getCell(header.indexOf("label::Arabic (ar)")).getCellStyle();
            assertEquals(ReadingOrder.RIGHT_TO_LEFT, arabic.getReadingOrder());
            List<String> settings = cells(wb.getSheet("settings").getRow(1));
            assertTrue(settings.containsAll(List.of("Veiligheid en stabiliteit", "veiligheid_en_stabiliteit", "1", "Dutch (nl)", "yes")), settings.toString());
        }
    }

    /**
     * The researcher's round: export "Toegang tot werk", reword a question in Dutch and give it a new
     * Arabic translation in a spreadsheet program, import it. A new version with the new texts; the
     * untouched translations keep their review marks, and those of the reworded question say they may be stale.
     */
    @Test
    void editedExport_givesANewVersionWithTheEditsAndKeepsReviewMarks() throws IOException {
        SurveySource source = ExampleSurveys.named("toegang_tot_werk");
        LoadResult published = ExampleSurveys.load(source);
        byte[] xlsx = XlsForms.write(version(published), Map.of());
        String dutch = "Hoe goed heeft jouw contactpersoon bij de gemeente je geholpen om betaald werk te vinden?";
        String arabic = "\u200Fإلى أي مدى ساعدك الشخص المسؤول عنك في البلدية في العثور على عمل مدفوع؟";
        byte[] edited = edit(xlsx, "help_gem", Map.of("label::Dutch (nl)", dutch, "label::Arabic (ar)", arabic));

        XlsForms.Import i = XlsForms.read(edited, "toegang_tot_werk.xlsx", ExampleSurveys.LOADER, ExampleSurveys.publishedAs(source));
        assertTrue(i.valid(), XlsFormImportTest.list(i));
        assertEquals(0, i.sameAs());
        assertNotEquals(published.checksum(), i.result().checksum());
        assertEquals(dutch, i.result().texts().pattern("nl", "help_gem.text"));
        assertEquals(arabic, i.result().texts().pattern("ar", "help_gem.text"));

        Map<String, PoEntry> ar = entries(i.source(), "ar");
        assertEquals(dutch, ar.get("help_gem.text").source(), "a new translation is of the new text");
        assertFalse(ar.get("help_gem.text").unreviewed(), "typed by the researcher: reviewed");
        assertTrue(ar.get("help_vwn.text").unreviewed(), "untouched: still machine-drafted");
        Map<String, PoEntry> en = entries(i.source(), "en");
        assertNotEquals(dutch, en.get("help_gem.text").source(), "the English was made from the old text");
        XlsFormImportTest.assertProblem(i, "survey!D5", Severity.WARNING, "source text changed, translation may be stale");
    }

    static Map<String, PoEntry> entries(SurveySource s, String lang) {
        Map<String, PoEntry> m = new java.util.HashMap<>();
        PoFile.parse(java.nio.file.Path.of("x.po"), s.translations().get(lang).content()).entries().forEach(e -> m.put(e.key(), e));
        return m;
    }

    /** Changes cells of one question's row, by header, as a spreadsheet program would save them. */
    static byte[] edit(byte[] xlsx, String question, Map<String, String> byHeader) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet survey = wb.getSheet("survey");
            List<String> header = cells(survey.getRow(0));
            Row r = row(survey, question);
            byHeader.forEach((h, v) -> {
                int c = header.indexOf(h);
                if (c < 0) {
                    throw new AssertionError("no column " + h + " in " + header);
                }
                Cell cell = r.getCell(c) == null ? r.createCell(c) : r.getCell(c);
                cell.setCellValue(v);
            });
            wb.write(out);
            return out.toByteArray();
        }
    }

    static Row row(XSSFSheet sheet, String name) {
        for (Row r : sheet) {
            if (r.getCell(1) != null && name.equals(r.getCell(1).getStringCellValue())) {
                return r;
            }
        }
        throw new AssertionError("no row " + name);
    }

    static List<String> cells(Row r) {
        DataFormatter f = new DataFormatter();
        List<String> out = new java.util.ArrayList<>();
        for (int c = 0; c < r.getLastCellNum(); c++) {
            out.add(r.getCell(c) == null ? "" : f.formatCellValue(r.getCell(c)));
        }
        return out;
    }
}
