package nl.stem.api.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.api.ApiTokensForTests;

/** Exports checked against answers produced by taking the survey in the preview (see {@link ExportFixture}). */
@QuarkusTest
class ExportResourceTest {
    static final String Q = "?survey=" + ExportFixture.SURVEY + "&include_preview=true";

    @Inject
    DataSource db;
    @Inject
    ObjectMapper json;

    ExportFixture fx() throws Exception {
        return ExportFixture.get(db);
    }

    static String get(String path) {
        String body = ApiTokensForTests.researcher().get(path).then().statusCode(200).extract().asString();
        keep(path, body);
        return body;
    }

    /** Keeps each export's body under target/export-samples/ for a look by eye. */
    static void keep(String path, String body) {
        try {
            String name = path.replaceFirst("^/api/exports/", "").replaceFirst("\\?.*", "").replace('/', '_');
            java.nio.file.Path dir = java.nio.file.Path.of("target", "export-samples");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve(name), body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<Map<String, String>> parse(String csv) throws IOException {
        assertFalse(csv.startsWith("\uFEFF"), "no byte order mark");
        List<Map<String, String>> rows = new ArrayList<>();
        try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            for (CSVRecord r : p) {
                rows.add(r.toMap());
            }
        }
        return rows;
    }

    static Map<String, String> answer(List<Map<String, String>> rows, String pseudonym, String question) {
        return rows.stream().filter(r -> r.get("respondent").equals(pseudonym) && r.get("question").equals(question))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + question));
    }

    void assertNoChannelIds(String body) throws Exception {
        for (String token : fx().tokens()) {
            assertFalse(body.contains(token), "a preview token (the preview's chat id) appears in an export");
        }
    }

    @Test
    void longCsv_hasOneRowPerAnswerWithExactCells() throws Exception {
        ExportFixture fx = fx();
        String body = get("/api/exports/long.csv" + Q);
        assertNoChannelIds(body);
        List<Map<String, String>> rows = parse(body);
        assertEquals(LongCsv.HEADER, List.copyOf(rows.get(0).keySet()));

        List<String> questions = rows.stream().filter(r -> r.get("respondent").equals(fx.arabicPseudonym)).map(r -> r.get("question")).toList();
        assertEquals(List.of("consent", "safe_area", "harassed", "where", "reported", "moves", "status_secure", "safer"), questions);

        Map<String, String> where = answer(rows, fx.arabicPseudonym, "where");
        assertEquals("multiple_choice", where.get("question_type"));
        assertEquals("street work", where.get("value"));
        assertEquals("Op straat; Op het werk", where.get("value_label"), "labels in the source language (nl)");
        assertEquals("1 3", where.get("raw_text"));
        assertEquals("ar", where.get("language"));
        assertEquals("preview", where.get("channel"));
        assertEquals("safety.harassment_experience", where.get("ioi_tags"));
        assertEquals("", where.get("wave"));
        assertEquals("1", where.get("survey_version"));
        assertEquals(ExportFixture.SURVEY, where.get("survey"));
        assertTrue(where.get("answered_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"), where.get("answered_at"));

        Map<String, String> harassed = answer(rows, fx.arabicPseudonym, "harassed");
        assertEquals("yes", harassed.get("value"));
        assertEquals("Ja", harassed.get("value_label"));
        assertEquals("safety.harassment_experience rights_responsibilities.discrimination_experience", harassed.get("ioi_tags"));
        assertEquals("3", answer(rows, fx.arabicPseudonym, "moves").get("value"));
        assertEquals("٣", answer(rows, fx.arabicPseudonym, "moves").get("raw_text"));
        assertEquals("-99", answer(rows, fx.arabicPseudonym, "status_secure").get("value"));
        assertEquals(ExportFixture.ARABIC_TEXT, answer(rows, fx.arabicPseudonym, "safer").get("value"), "right-to-left text kept as typed");
        assertEquals("open", answer(rows, fx.arabicPseudonym, "safer").get("question_type"));
        assertEquals("4", answer(rows, fx.arabicPseudonym, "safe_area").get("value"));
        assertEquals("", answer(rows, fx.arabicPseudonym, "safe_area").get("value_label"));

        // A tapped button's raw text is the label the respondent saw, in their language, not its payload.
        assertEquals("نعم، أوافق", answer(rows, fx.arabicPseudonym, "consent").get("raw_text"));
        assertEquals("نعم", answer(rows, fx.arabicPseudonym, "harassed").get("raw_text"));
        assertEquals("نعم، للشرطة", answer(rows, fx.arabicPseudonym, "reported").get("raw_text"));
        assertEquals("لا ينطبق", answer(rows, fx.arabicPseudonym, "status_secure").get("raw_text"));
        assertEquals("Overslaan", answer(rows, fx.dutchPseudonym, "safer").get("raw_text"), "the skip button");
        assertTrue(rows.stream().noneMatch(r -> r.get("raw_text").startsWith("a:")), "no button payload as raw text");

        assertEquals("-88", answer(rows, fx.dutchPseudonym, "safer").get("value"), "skipped optional question");
        assertEquals("5", answer(rows, fx.dutchPseudonym, "status_secure").get("value"));
        assertEquals("Heel zeker", answer(rows, fx.dutchPseudonym, "status_secure").get("value_label"));
        assertTrue(rows.stream().noneMatch(r -> r.get("respondent").equals(fx.dutchPseudonym) && r.get("question").equals("where")),
                "a question not asked by skip logic has no answer row");

        Map<String, String> voice = answer(rows, fx.englishPseudonym, "safer");
        assertFalse(voice.get("media_id").isEmpty());
        assertEquals(voice.get("media_id"), voice.get("value"));
        UUID.fromString(voice.get("media_id"));
    }

    @Test
    void longCsv_leavesPreviewOutByDefault_andFilters() throws Exception {
        ExportFixture fx = fx();
        String body = get("/api/exports/long.csv?survey=" + ExportFixture.SURVEY);
        for (String p : List.of(fx.arabicPseudonym, fx.dutchPseudonym, fx.englishPseudonym)) {
            assertFalse(body.contains(p), "preview answers are left out unless include_preview=true");
        }
        List<Map<String, String>> arabicOnly = parse(get("/api/exports/long.csv" + Q + "&language=ar&version=1"));
        assertTrue(arabicOnly.stream().allMatch(r -> r.get("language").equals("ar")));
        assertTrue(arabicOnly.stream().anyMatch(r -> r.get("respondent").equals(fx.arabicPseudonym)));
        assertTrue(parse(get("/api/exports/long.csv" + Q + "&channel=telegram")).stream()
                .noneMatch(r -> r.get("channel").equals("preview")));
        assertTrue(parse(get("/api/exports/long.csv" + Q + "&from=2000-01-01&to=2000-01-02")).isEmpty());
        assertTrue(parse(get("/api/exports/long.csv" + Q + "&from=2000-01-01T00:00:00Z")).size() >= 8);
    }

    @Test
    void wideCsv_hasOneRowPerSessionWithChoiceColumnsAndMissingCodes() throws Exception {
        ExportFixture fx = fx();
        String body = get("/api/exports/wide.csv" + Q);
        assertNoChannelIds(body);
        List<Map<String, String>> rows = parse(body);
        List<String> header = List.copyOf(rows.get(0).keySet());
        assertEquals(List.of("respondent", "wave", "session", "survey", "survey_version", "language", "channel", "session_status",
                "started_at", "completed_at", "consent", "safe_area", "harassed", "where", "where/street", "where/transport",
                "where/work", "where/school", "where/online", "where/other", "reported", "moves", "status_secure", "safer"), header);

        Map<String, String> a = row(rows, fx.arabicPseudonym);
        assertEquals("yes", a.get("consent"));
        assertEquals("4", a.get("safe_area"));
        assertEquals("street work", a.get("where"));
        assertEquals("1", a.get("where/street"));
        assertEquals("0", a.get("where/transport"));
        assertEquals("1", a.get("where/work"));
        assertEquals("0", a.get("where/other"));
        assertEquals("police", a.get("reported"));
        assertEquals("3", a.get("moves"));
        assertEquals("-99", a.get("status_secure"), "not applicable");
        assertEquals(ExportFixture.ARABIC_TEXT, a.get("safer"));
        assertEquals("ar", a.get("language"));
        assertEquals("completed", a.get("session_status"));

        Map<String, String> d = row(rows, fx.dutchPseudonym);
        assertEquals("no", d.get("harassed"));
        assertEquals("-99", d.get("where"), "not asked by skip logic");
        assertEquals("-99", d.get("where/street"));
        assertEquals("-99", d.get("reported"));
        assertEquals("0", d.get("moves"));
        assertEquals("-88", d.get("safer"), "skipped optional question");

        Map<String, String> e = row(rows, fx.englishPseudonym);
        assertEquals("no_say", e.get("harassed"));
        UUID.fromString(e.get("safer"));

        Map<String, String> s = row(rows, fx.stopperPseudonym);
        assertEquals("stopped", s.get("session_status"));
        assertEquals("3", s.get("safe_area"));
        assertEquals("-77", s.get("harassed"), "stopped before the question");
        assertEquals("-77", s.get("where"));
        assertEquals("-77", s.get("safer"));
    }

    static Map<String, String> row(List<Map<String, String>> rows, String pseudonym) {
        List<Map<String, String>> mine = rows.stream().filter(r -> r.get("respondent").equals(pseudonym)).toList();
        assertEquals(1, mine.size(), "one row per respondent and session");
        return mine.get(0);
    }

    @Test
    void codebook_describesEveryVariableInEveryLanguage() throws Exception {
        JsonNode c = json.readTree(get("/api/exports/codebook.json" + Q));
        assertEquals(ExportFixture.SURVEY, c.get("survey").asText());
        assertEquals(3, c.get("missingValues").size());
        JsonNode where = find(c.get("variables"), "where");
        assertEquals("multiple_choice", where.get("type").asText());
        assertEquals("harassed == 'yes'", where.get("condition").asText());
        assertEquals("safety.harassment_experience", where.get("ioi").get(0).asText());
        assertEquals(14, where.get("text").size(), "every language of the survey");
        assertEquals("Waar gebeurde dit?", where.get("text").get(0).get("text").asText());
        JsonNode ar = where.get("text").get(2);
        assertEquals("ar", ar.get("language").asText());
        assertTrue(ar.get("rtl").asBoolean());
        JsonNode street = where.get("valueLabels").get(0);
        assertEquals("street", street.get("value").asText());
        assertEquals("في الشارع", street.get("labels").get(2).get("text").asText());
        JsonNode status = find(c.get("variables"), "status_secure");
        assertEquals("Heel onzeker", status.get("valueLabels").get(0).get("labels").get(0).get("text").asText());
        assertEquals("choice_indicator", find(c.get("variables"), "where/street").get("type").asText());

        List<Map<String, String>> csv = parse(get("/api/exports/codebook.csv" + Q));
        Map<String, String> harassed = csv.stream().filter(r -> r.get("name").equals("harassed")).findFirst().orElseThrow();
        assertEquals("yes=Ja | no=Nee | no_say=Zeg ik liever niet", harassed.get("value_labels"));
        assertEquals("'-77=refused/stopped | -88=skipped | -99=not applicable", harassed.get("missing_values"),
                "it starts with '-' and is no number: a spreadsheet would take it for a formula");
        assertFalse(harassed.get("text_ar").isEmpty());

        String html = ApiTokensForTests.researcher().get("/api/exports/codebook.html" + Q).then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertTrue(html.contains("harassed == &#39;yes&#39;") || html.contains("harassed == 'yes'"), "condition shown");
        assertTrue(html.contains("dir=\"rtl\""));
        assertTrue(html.contains("في الشارع"));
    }

    static JsonNode find(JsonNode variables, String name) {
        for (JsonNode v : variables) {
            if (v.get("name").asText().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("no variable " + name);
    }

    @Test
    void spssAndStata_labelTheWideCsv() throws Exception {
        String sps = get("/api/exports/wide.sps" + Q);
        assertTrue(sps.contains("GET DATA /TYPE=TXT /FILE='veiligheid_en_stabiliteit-wide.csv' /ENCODING='UTF8'"), sps);
        assertTrue(sps.contains("    where_street F3.0\n"), sps);
        assertTrue(sps.contains("    wave F20.0\n"), sps);
        assertTrue(sps.contains("    safer A12288\n"), sps);
        assertFalse(sps.contains("\nSET UNICODE"), "GNU PSPP rejects SET UNICODE");
        assertTrue(sps.contains("    harassed A64\n"));
        assertTrue(sps.contains("  harassed 'Ben je in de afgelopen 12 maanden in Nederland lastiggevallen, bedreigd of gediscrimineerd?'\n"));
        assertTrue(sps.contains("VALUE LABELS harassed\n  'yes' 'Ja'\n  'no' 'Nee'\n  'no_say' 'Zeg ik liever niet'\n  '-77' 'refused/stopped'"), sps);
        assertTrue(sps.contains("VALUE LABELS status_secure\n  1 'Heel onzeker'\n  5 'Heel zeker'\n  -77 'refused/stopped'"), sps);
        assertTrue(sps.contains("MISSING VALUES moves (-77, -88, -99)."));
        assertTrue(sps.contains("MISSING VALUES harassed ('-77', '-88', '-99')."));

        String stata = get("/api/exports/wide.do" + Q);
        assertTrue(stata.contains("import delimited using `\"veiligheid_en_stabiliteit-wide.csv\"', clear varnames(nonames) rowrange(2)"), stata);
        assertTrue(stata.contains("rename v11 consent\n"));
        assertTrue(stata.contains("rename v15 where_street\n"));
        assertTrue(stata.contains("replace harassed = 1 if harassed_s == `\"yes\"'\n"), stata);
        assertTrue(stata.contains("label define harassed_lbl 1 `\"Ja\"' 2 `\"Nee\"' 3 `\"Zeg ik liever niet\"' .a \"refused/stopped\""), stata);
        assertTrue(stata.contains("label values harassed harassed_lbl\n"));
        assertTrue(stata.contains("mvdecode safe_area where_street"), stata);
        assertTrue(stata.contains("-77=.a \\ -88=.b \\ -99=.c"));
    }

    @Test
    void flowResults_packageHasEveryRequiredField() throws Exception {
        ExportFixture fx = fx();
        JsonNode d = json.readTree(get("/api/exports/flow-results/datapackage.json" + Q));
        assertEquals("flow-results-package", d.get("profile").asText());
        assertEquals("1.1.0", d.get("flow_results_specification_version").asText());
        UUID id = UUID.fromString(d.get("id").asText());
        assertEquals(4, id.version());
        assertEquals(d.get("id"), json.readTree(get("/api/exports/flow-results/datapackage.json" + Q)).get("id"), "stable across exports");
        assertTrue(d.get("name").asText().matches("[a-z0-9._-]+"));
        assertFalse(d.get("title").asText().isEmpty());
        java.time.OffsetDateTime.parse(d.get("created").asText());
        java.time.OffsetDateTime.parse(d.get("modified").asText());
        assertEquals(1, d.get("resources").size());
        JsonNode r = d.get("resources").get(0);
        assertEquals("responses.json", r.get("path").asText());
        JsonNode schema = r.get("schema");
        List<String> fields = new ArrayList<>();
        schema.get("fields").forEach(f -> fields.add(f.get("name").asText()));
        assertEquals(List.of("timestamp", "row_id", "contact_id", "session_id", "question_id", "response", "response_metadata"), fields);
        JsonNode where = schema.get("questions").get("where");
        assertEquals("select_many", where.get("type").asText());
        assertEquals("Waar gebeurde dit?", where.get("label").asText());
        assertEquals("street", where.get("type_options").get("choices").get(0).asText());
        assertEquals("safety.harassment_experience", where.get("semantic_labels").get(0).asText());
        assertFalse(where.get("is_personal_information").asBoolean());
        assertEquals("numeric", schema.get("questions").get("status_secure").get("type").asText());
        assertEquals(5, schema.get("questions").get("status_secure").get("type_options").get("range").get(1).asInt());
        assertEquals("select_one", schema.get("questions").get("harassed").get("type").asText());
        assertEquals("open", schema.get("questions").get("safer").get("type").asText());
        for (JsonNode q : schema.get("questions")) {
            for (String field : List.of("type", "label", "type_options")) {
                assertNotNull(q.get(field), field + " in " + q);
            }
        }

        String body = get("/api/exports/flow-results/responses.json" + Q);
        assertNoChannelIds(body);
        JsonNode responses = json.readTree(body);
        Map<String, JsonNode> arabic = new HashMap<>();
        for (JsonNode row : responses) {
            assertEquals(7, row.size());
            java.time.OffsetDateTime.parse(row.get(0).asText());
            if (row.get(2).asText().equals(fx.arabicPseudonym)) {
                arabic.put(row.get(4).asText(), row);
            }
            if (row.get(2).asText().equals(fx.englishPseudonym) && row.get(4).asText().equals("safer")) {
                assertTrue(row.get(5).asText().matches("http://.+/api/media/[0-9a-f-]{36}"), row.toString());
                assertEquals("audio/ogg", row.get(6).get("format").asText());
            }
        }
        assertEquals("street", arabic.get("where").get(5).get(0).asText());
        assertEquals("work", arabic.get("where").get(5).get(1).asText());
        assertEquals("ara", arabic.get("where").get(6).get("language").asText());
        assertEquals(3, arabic.get("moves").get(5).asInt());
        assertTrue(arabic.get("status_secure").get(5).isNull());
        assertEquals(-99, arabic.get("status_secure").get(6).get("missing_code").asInt());
        assertEquals(ExportFixture.ARABIC_TEXT, arabic.get("safer").get(5).asText());

        byte[] zip = ApiTokensForTests.researcher().get("/api/exports/flow-results.zip" + Q).then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        List<String> names = new ArrayList<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                names.add(e.getName());
                JsonNode n = json.readTree(z.readAllBytes());
                if (e.getName().equals("responses.json")) {
                    assertEquals(responses.size(), n.size());
                }
            }
        }
        assertEquals(List.of("datapackage.json", "responses.json"), names);
    }

    @Test
    void everyExport_containsNoChannelIdsAndIsAudited() throws Exception {
        for (String path : List.of("long.csv", "wide.csv", "codebook.json", "codebook.csv", "codebook.html", "wide.sps", "wide.do",
                "flow-results/datapackage.json", "flow-results/responses.json")) {
            assertNoChannelIds(get("/api/exports/" + path + Q));
        }
        given().auth().oauth2(ApiTokensForTests.BOOTSTRAP).get("/api/audit?limit=100").then().statusCode(200)
                .body("entries.action", hasItem("export.long_csv"))
                .body("entries.find { it.action == 'export.wide_csv' }.subject", equalTo(ExportFixture.SURVEY))
                .body("entries.find { it.action == 'export.wide_csv' }.details.include_preview", equalTo(true))
                .body("entries.find { it.action == 'export.wide_csv' }.actor", equalTo("test-researcher"));
    }

    @Test
    void badFilters_are400WithAMessage() {
        String base = "/api/exports/long.csv?survey=" + ExportFixture.SURVEY;
        ApiTokensForTests.researcher().get("/api/exports/long.csv").then().statusCode(400).body("code", equalTo("survey_required"));
        ApiTokensForTests.researcher().get(base + "&from=yesterday").then().statusCode(400).body("code", equalTo("bad_date"));
        ApiTokensForTests.researcher().get(base + "&from=2026-05-01&to=2026-04-01").then().statusCode(400)
                .body("code", equalTo("bad_range")).body("message", containsString("after"));
        ApiTokensForTests.researcher().get(base + "&version=99").then().statusCode(400).body("code", equalTo("unknown_version"));
        ApiTokensForTests.researcher().get(base + "&version=two").then().statusCode(400).body("code", equalTo("bad_version"));
        ApiTokensForTests.researcher().get(base + "&wave=one").then().statusCode(400).body("code", equalTo("bad_wave"));
        ApiTokensForTests.researcher().get(base + "&wave=987654321").then().statusCode(404).body("code", equalTo("wave_not_found"));
        ApiTokensForTests.researcher().get(base + "&include_preview=maybe").then().statusCode(400);
        ApiTokensForTests.researcher().get(base + "&language=a%20b").then().statusCode(400);
        ApiTokensForTests.researcher().get("/api/exports/wide.csv?survey=no_such_survey").then().statusCode(404)
                .body("code", equalTo("survey_not_found"));
    }
}
