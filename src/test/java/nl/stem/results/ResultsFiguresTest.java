package nl.stem.results;

import static nl.stem.api.ApiTokensForTests.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;

/**
 * The results of a wave answered over both channels, checked figure by figure against what a
 * spreadsheet computes from the same wave's wide CSV: counts, shares, means, medians, quartiles,
 * missing values, and the suppressed groups of the breakdown by region.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsFiguresTest {
    /** Numbers as doubles, not floats, so means compare exactly. */
    static final JsonPathConfig DOUBLES = JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE);

    @Inject
    DataSource db;

    ResultsWave wave;
    List<CSVRecord> wide;
    Map<String, String> regions;

    @BeforeEach
    void answer() throws Exception {
        if (wave != null) {
            return;
        }
        wave = ResultsWave.shared(db);
        String csv = as("researcher").get("/api/exports/wide.csv?survey=" + wave.survey + "&wave=" + wave.wave).then().statusCode(200).extract().asString();
        wide = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.replace("\uFEFF", ""))).getRecords();
        regions = wave.regions();
    }

    private JsonPath results(String query) {
        return as("researcher").get("/api/results?survey=" + wave.survey + "&wave=" + wave.wave + query)
                .then().statusCode(200).extract().jsonPath().using(DOUBLES);
    }

    @Test
    void results_ofAWaveOverBothChannels_matchTheWideCsv() {
        JsonPath r = results("");
        assertEquals(ResultsWave.MEMBERS, wide.size(), "one wide row per member who started");
        assertEquals(ResultsWave.MEMBERS, r.getLong("responses"));
        List<CSVRecord> all = wide;

        // single choice: count and share per choice
        assertEquals(answered(all, "werk"), r.getLong("questions.find { it.id == 'werk' }.n"));
        for (String c : List.of("ja", "nee")) {
            long count = all.stream().filter(x -> x.get("werk").equals(c)).count();
            assertEquals(count, r.getLong("questions.find { it.id == 'werk' }.counts." + c));
            assertEquals((double) count / answered(all, "werk"), r.getDouble("questions.find { it.id == 'werk' }.shares." + c), 1e-6);
        }
        // multiple choice: the share of respondents choosing each option
        long talen = answered(all, "talen");
        assertEquals(talen, r.getLong("questions.find { it.id == 'talen' }.n"));
        for (String c : List.of("nl", "ar", "en")) {
            long chose = all.stream().filter(x -> x.get("talen/" + c).equals("1")).count();
            assertEquals(chose, r.getLong("questions.find { it.id == 'talen' }.counts." + c));
            assertEquals((double) chose / talen, r.getDouble("questions.find { it.id == 'talen' }.shares." + c), 1e-6);
        }
        // scale: distribution, mean and median, "not applicable" apart
        List<Double> hulp = values(all, "hulp");
        assertEquals(hulp.size(), r.getLong("questions.find { it.id == 'hulp' }.n"));
        assertEquals(mean(hulp), r.getDouble("questions.find { it.id == 'hulp' }.mean"), 1e-6);
        assertEquals(percentile(hulp, 0.5), r.getDouble("questions.find { it.id == 'hulp' }.median"), 1e-9);
        assertEquals(code(all, "hulp", "-99"), r.getLong("questions.find { it.id == 'hulp' }.missing.notApplicable"));
        assertEquals(code(all, "hulp", "-77"), r.getLong("questions.find { it.id == 'hulp' }.missing.stopped"));
        for (int point = 1; point <= 5; point++) {
            String p = Integer.toString(point);
            assertEquals(all.stream().filter(x -> x.get("hulp").equals(p)).count(),
                    r.getLong("questions.find { it.id == 'hulp' }.counts.'" + p + "'"));
        }
        // number: n, mean, median, quartiles (as QUARTILE.INC)
        List<Double> jaren = values(all, "jaren");
        assertEquals(jaren.size(), r.getLong("questions.find { it.id == 'jaren' }.n"));
        assertEquals(mean(jaren), r.getDouble("questions.find { it.id == 'jaren' }.mean"), 1e-6);
        assertEquals(percentile(jaren, 0.5), r.getDouble("questions.find { it.id == 'jaren' }.median"), 1e-9);
        assertEquals(percentile(jaren, 0.25), r.getDouble("questions.find { it.id == 'jaren' }.q1"), 1e-9);
        assertEquals(percentile(jaren, 0.75), r.getDouble("questions.find { it.id == 'jaren' }.q3"), 1e-9);
        List<Integer> bars = r.getList("questions.find { it.id == 'jaren' }.histogram.count", Integer.class);
        assertEquals(jaren.size(), bars.stream().mapToInt(Integer::intValue).sum(), "every answer is in one bar");
        // a question behind skip logic: not asked counted apart, never in the percentage
        List<Double> uren = values(all, "uren");
        assertEquals(uren.size(), r.getLong("questions.find { it.id == 'uren' }.n"));
        assertEquals(mean(uren), r.getDouble("questions.find { it.id == 'uren' }.mean"), 1e-6);
        assertEquals(code(all, "uren", "-99"), r.getLong("questions.find { it.id == 'uren' }.missing.notAsked"));
        // text: skipped counted apart
        assertEquals(answered(all, "advies"), r.getLong("questions.find { it.id == 'advies' }.n"));
        assertEquals(code(all, "advies", "-88"), r.getLong("questions.find { it.id == 'advies' }.missing.skipped"));
        assertTrue(r.getLong("questions.find { it.id == 'advies' }.missing.inProgress") > 0, "members still under way are counted apart");
    }

    @Test
    void breakdownByRegion_showsLargeGroupsAsTheCsvDoes_andHidesSmallOnesWithAComplement() {
        JsonPath r = results("&by=region");
        String werk = "questions.find { it.id == 'werk' }.groups";
        List<Map<String, Object>> groups = r.getList(werk);
        assertEquals(List.of("Utrecht", "Groningen", "Limburg"), groups.stream().map(g -> (String) g.get("key")).toList());
        // Limburg (3) is under 5; Groningen is hidden with it, or Limburg = total - Utrecht - Groningen
        assertEquals(true, r.getBoolean(werk + ".find { it.key == 'Limburg' }.suppressed"));
        assertNull(r.get(werk + ".find { it.key == 'Limburg' }.figures"));
        assertEquals(true, r.getBoolean(werk + ".find { it.key == 'Groningen' }.suppressed"));
        assertFalse(r.getBoolean(werk + ".find { it.key == 'Utrecht' }.suppressed"));
        List<CSVRecord> utrecht = wide.stream().filter(x -> "Utrecht".equals(regions.get(x.get("respondent")))).toList();
        assertEquals(answered(utrecht, "werk"), r.getLong(werk + ".find { it.key == 'Utrecht' }.figures.n"));
        long ja = utrecht.stream().filter(x -> x.get("werk").equals("ja")).count();
        assertEquals((double) ja / answered(utrecht, "werk"), r.getDouble(werk + ".find { it.key == 'Utrecht' }.figures.shares.ja"), 1e-6);
        assertEquals(mean(values(utrecht, "jaren")),
                r.getDouble("questions.find { it.id == 'jaren' }.groups.find { it.key == 'Utrecht' }.figures.mean"), 1e-6);
        String json = as("researcher").get("/api/results?survey=" + wave.survey + "&wave=" + wave.wave + "&by=region").asString();
        assertFalse(json.contains(wide.get(0).get("respondent")), "no pseudonym in the results");
    }

    @Test
    void summaryTable_andAPassOverTheAnswers_giveTheSameFigures() {
        // A wave alone is read from wave_answer_values; a date filter makes the same scope a pass over the answers.
        assertTrue(ResultsQuery.summarised(scope("")));
        assertFalse(ResultsQuery.summarised(scope("region")));
        List<Object> fromSummary = results("").getList("questions");
        List<Object> fromAnswers = results("&from=2000-01-01").getList("questions");
        assertEquals(fromAnswers, fromSummary);
        List<Object> overTime = results("&by=wave").getList("questions.groups");
        List<Object> overTimeDirect = results("&by=wave&from=2000-01-01").getList("questions.groups");
        assertEquals(overTimeDirect, overTime);
    }

    private ResultsScope scope(String by) {
        return new ResultsScope(wave.survey, List.of(), List.of(new WaveRef(wave.wave, "w", java.time.Instant.EPOCH, "open")), null, null,
                null, null, by.isEmpty() ? null : by, false);
    }

    @Test
    void breakdownByChannel_splitsWhatsAppAndTelegram() {
        JsonPath r = results("&by=channel");
        String g = "questions.find { it.id == 'werk' }.groups";
        List<CSVRecord> whatsapp = wide.stream().filter(x -> x.get("channel").equals("whatsapp")).toList();
        List<CSVRecord> telegram = wide.stream().filter(x -> x.get("channel").equals("telegram")).toList();
        assertEquals(answered(whatsapp, "werk"), r.getLong(g + ".find { it.key == 'whatsapp' }.figures.n"));
        assertEquals(answered(telegram, "werk"), r.getLong(g + ".find { it.key == 'telegram' }.figures.n"));
        assertEquals("WhatsApp", r.getString(g + ".find { it.key == 'whatsapp' }.label"));
    }

    @Test
    void tableCsv_hasARowPerGroup_withTheSuppressedOnesMarked() {
        String csv = as("coordinator").get("/api/results/table.csv?survey=" + wave.survey + "&wave=" + wave.wave
                + "&by=region&question=werk").then().statusCode(200).extract().asString();
        String[] lines = csv.replace("\uFEFF", "").split("\r\n");
        assertEquals("question,group,n,ja count,ja share,nee count,nee share,mean,median,q1,q3,skipped,not_applicable,not_asked,stopped,in_progress",
                lines[0]);
        assertEquals(5, lines.length, "all, Utrecht, Groningen, Limburg");
        assertTrue(lines[2].startsWith("werk,Utrecht,"), lines[2]);
        assertTrue(lines[4].startsWith("werk,Limburg,<5"), lines[3]);
    }

    @Test
    void openAnswers_arePaged_searchable_andCarryNoPseudonym() {
        JsonPath p = as("researcher").get("/api/results/answers?survey=" + wave.survey + "&wave=" + wave.wave + "&question=advies")
                .then().statusCode(200).extract().jsonPath();
        long texts = answered(wide, "advies");
        assertEquals(texts, p.getLong("total"));
        assertEquals(Math.min(20, texts), p.getList("answers").size());
        JsonPath found = as("researcher").get("/api/results/answers?survey=" + wave.survey + "&wave=" + wave.wave
                + "&question=advies&q=TWEEDE regel").then().statusCode(200).extract().jsonPath();
        assertEquals(wide.stream().filter(x -> x.get("advies").contains("Tweede regel")).count(), found.getLong("total"));
        assertEquals("nl", found.getString("answers[0].language"));
        as("coordinator").get("/api/results/answers?survey=" + wave.survey + "&question=advies").then().statusCode(403);
        as("researcher").get("/api/results/answers?survey=" + wave.survey + "&question=werk").then().statusCode(400);
    }

    @Test
    void badInput_getsClearProblems() {
        as("researcher").get("/api/results?survey=nope").then().statusCode(404);
        as("researcher").get("/api/results?survey=" + wave.survey + "&wave=999999999").then().statusCode(404);
        as("researcher").get("/api/results?survey=" + wave.survey + "&wave=x").then().statusCode(400);
        as("researcher").get("/api/results?survey=" + wave.survey + "&by=no_such_attribute").then().statusCode(400);
        as("researcher").get("/api/results?survey=" + wave.survey + "&by=Robert');drop").then().statusCode(400);
        as("researcher").get("/api/results/table.csv?survey=" + wave.survey + "&question=nope").then().statusCode(404);
        as("researcher").get("/api/results?survey=" + wave.survey + "&wave=" + wave.wave + "&paired=true").then().statusCode(400);
        io.restassured.RestAssured.get("/api/results?survey=" + wave.survey).then().statusCode(401);
    }

    @Test
    void results_areAudited() throws Exception {
        results("");
        Object n = wave.panel.value("select count(*) from audit_log where action = 'results.view' and subject = ?", wave.survey);
        assertTrue(((Number) n).longValue() >= 1);
    }

    // ---- what a spreadsheet does with the wide CSV ----

    private static boolean missing(String cell) {
        return cell.isEmpty() || cell.equals("-77") || cell.equals("-88") || cell.equals("-99");
    }

    private static long answered(List<CSVRecord> rows, String column) {
        return rows.stream().filter(x -> !missing(x.get(column))).count();
    }

    private static long code(List<CSVRecord> rows, String column, String code) {
        return rows.stream().filter(x -> x.get(column).equals(code)).count();
    }

    private static List<Double> values(List<CSVRecord> rows, String column) {
        Predicate<String> ok = c -> !missing(c);
        List<Double> out = new ArrayList<>();
        rows.stream().map(x -> x.get(column)).filter(ok).forEach(c -> out.add(Double.parseDouble(c)));
        Collections.sort(out);
        assertNotNull(out);
        return out;
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** PERCENTILE.INC / QUARTILE.INC: linear interpolation between the closest ranks. */
    private static double percentile(List<Double> sorted, double p) {
        double rank = p * (sorted.size() - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted.get(lo) + (rank - lo) * (sorted.get(hi) - sorted.get(lo));
    }
}
