package nl.stem.results;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import nl.stem.api.ApiTokensForTests;
import nl.stem.api.PublishedForTests;

/**
 * Times the results of a wave of 51,000 members (45,900 sessions, about 1,000,000 answers of every
 * counted type) beside an earlier wave of 20,000, generated set-based: the whole survey, a
 * breakdown by a member attribute with 30 values, by language, and over time across both waves,
 * in the service and over HTTP. Prints p50 and max of 9 runs after one warm-up (aims: 500 ms for a
 * wave's results, 1 s for a 30-group breakdown). Slow, so it only runs with
 * {@code -Dresultsbench=true}; {@code -Dresultsbench.members=N} changes the size.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "resultsbench", matches = "true")
class ResultsBenchmarkTest {
    static final int QUESTIONS = 30;
    static final int RUNS = 9;

    @Inject
    DataSource db;
    @Inject
    ResultsScopes scopes;
    @Inject
    ResultsService service;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void cleanUp() throws SQLException {
        if (!Boolean.getBoolean("resultsbench.keep")) {
            exec("delete from respondents where pseudonym like 'rbench-" + run + "-%'");
            exec("delete from waves where name like 'rbench " + run + "%'");
        }
        PublishedForTests.retireAll();
    }

    @Test
    void results_ofAMillionAnswers() throws Exception {
        int members = Integer.getInteger("resultsbench.members", 51_000);
        String survey = publishSurvey();
        long version = count("select id from survey_versions where survey_id = '" + survey + "'");
        long t0 = System.nanoTime();
        long earlier = generateWave(version, "rbench " + run + " earlier", 20_000, 0);
        long wave = generateWave(version, "rbench " + run + " measured", members, 0); // the first 20,000 took part in both
        exec("vacuum (analyze) respondents, sessions, answers");
        long answers = count("select count(*) from answers where wave_id = " + wave);
        System.out.printf("RESULTSBENCH generated waves %d (20,000 members) and %d (%,d members, %,d answers; %,d answers in the table) in %.1f s%n",
                earlier, wave, members, answers, count("select count(*) from answers"), (System.nanoTime() - t0) / 1e9);

        String w = Long.toString(wave);
        String both = earlier + "," + wave;
        time("whole survey, one wave (service)", () -> service.of(scopes.parse(survey, List.of(w), null, null, null, null, null, null), "nl", "nl", "-", "-"));
        time("by municipality, 30 groups (service)", () -> service.of(scopes.parse(survey, List.of(w), null, null, null, null, "municipality", null), "nl", "nl", "-", "-"));
        time("by language, 7 groups (service)", () -> service.of(scopes.parse(survey, List.of(w), null, null, null, null, "language", null), "nl", "nl", "-", "-"));
        time("over time, two waves by wave (service)", () -> service.of(scopes.parse(survey, List.of(both), null, null, null, null, "wave", null), "nl", "nl", "-", "-"));
        time("over time, paired members only (service)", () -> service.of(scopes.parse(survey, List.of(both), null, null, null, null, "wave", "true"), "nl", "nl", "-", "-"));
        time("date range within the wave (service)", () -> service.of(scopes.parse(survey, List.of(w), "2026-03-02", "2026-03-02", null, null, null, null), "nl", "nl", "-", "-"));
        HttpClient http = HttpClient.newHttpClient();
        String token = ApiTokensForTests.token("researcher");
        time("HTTP GET /api/results?wave=", () -> get(http, token, "/api/results?survey=" + survey + "&wave=" + w));
        time("HTTP GET /api/results?wave=&by=municipality", () -> get(http, token, "/api/results?survey=" + survey + "&wave=" + w + "&by=municipality"));
        time("HTTP GET results page by municipality", () -> get(http, token, "/dashboard/results/" + survey + "?wave=" + w + "&by=municipality"));
        time("HTTP GET open answers, page 50 of a search", () -> get(http, token, "/api/results/answers?survey=" + survey + "&wave=" + w
                + "&question=q29&q=advies&page=50"));
        explain(wave, version);
    }

    interface Work {
        Object run() throws Exception;
    }

    private static void time(String what, Work work) throws Exception {
        work.run();
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("RESULTSBENCH   %-50s p50 %7.1f   max %7.1f ms%n", what, ms[RUNS / 2], ms[RUNS - 1]);
    }

    private static String get(HttpClient http, String token, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError(path + " gave " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private void explain(long wave, long version) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            String sql = "explain (analyze, buffers) select a.question_id, s.status, s.current_question, a.value ->> 'kind', "
                    + "case when a.value ->> 'kind' = 'SCALE' then a.value ->> 'number' end, count(*), count(a.media_id) "
                    + "from answers a join sessions s on s.id = a.session_id where s.survey_version_id = any(array[" + version + "]::bigint[]) "
                    + "and not s.preview and s.wave_id = any(array[" + wave + "]::bigint[]) and a.survey_version_id = any(array[" + version
                    + "]::bigint[]) and not a.preview and a.wave_id = any(array[" + wave + "]::bigint[]) group by 1, 2, 3, 4, 5";
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    System.out.println("RESULTSBENCH   | " + rs.getString(1));
                }
            }
        }
    }

    /** 30 questions: 10 single choice, 5 multiple choice, 8 scales, 5 numbers, 2 texts. */
    private String publishSurvey() {
        String id = PublishedForTests.remember("resbench_" + run);
        StringBuilder yaml = new StringBuilder("id: " + id + "\ntitle: Results benchmark\nsource_language: nl\nlanguages: [nl]\nquestions:\n");
        for (int q = 1; q <= QUESTIONS; q++) {
            yaml.append("  - id: q").append(q).append("\n    text: \"Vraag ").append(q).append("?\"\n    ioi: [work]\n");
            if (q <= 10) {
                yaml.append("    type: single_choice\n    choices:\n      - {id: a, label: A}\n      - {id: b, label: B}\n      - {id: c, label: C}\n");
            } else if (q <= 15) {
                yaml.append("    type: multiple_choice\n    min: 1\n    max: 0\n    choices:\n      - {id: a, label: A}\n      - {id: b, label: B}\n      - {id: c, label: C}\n");
            } else if (q <= 23) {
                yaml.append("    type: scale\n    min: 1\n    max: 5\n    min_label: Slecht\n    max_label: Goed\n    not_applicable: true\n");
            } else if (q <= 28) {
                yaml.append("    type: number\n    min: 0\n    max: 100\n");
            } else {
                yaml.append("    type: text\n    optional: true\n");
            }
        }
        ApiTokensForTests.researcher().contentType(ContentType.JSON)
                .body(Map.of("survey", Map.of("file", id + ".yaml", "content", yaml.toString()), "translations", Map.of()))
                .post("/api/surveys").then().log().ifValidationFails().statusCode(201);
        return id;
    }

    /** One wave, set-based: 90% of members have a session, two thirds of those completed, the rest stopped part-way. */
    private long generateWave(long version, String name, int members, int offset) throws SQLException {
        long wave = count("insert into waves (name, survey_version_id, status, invite_at, created_by, created_at) values ('" + name + "', "
                + version + ", 'open', timestamptz '2026-03-02 09:00+00', 'bench', now()) returning id");
        String g = "g.n";
        String range = "generate_series(" + (offset + 1) + ", " + (offset + members) + ") as g(n)";
        String key = "'rbench-" + run + "-' || g.n";
        exec("insert into respondents (id, pseudonym, member_id, channel, attributes) select md5(" + key + ")::uuid, " + key + ", "
                + "'rb" + run + "-' || g.n, case when " + g + " % 10 < 6 then 'whatsapp' else 'telegram' end, "
                + "jsonb_build_object('municipality', 'Gemeente ' || (1 + " + g + " % 30), 'region', 'Regio ' || (1 + " + g + " % 12)) "
                + "from " + range + " on conflict do nothing");
        exec("insert into sessions (id, respondent_id, survey_version_id, channel, status, language, current_question, state, started_at, "
                + "updated_at, completed_at, wave_id, answered, applicable) "
                + "select md5('s' || " + name.hashCode() + " || " + key + ")::uuid, md5(" + key + ")::uuid, " + version + ", "
                + "case when " + g + " % 10 < 6 then 'whatsapp' else 'telegram' end, "
                + "case when " + g + " % 3 <> 0 then 'completed' else (array['active','stopped','expired'])[1 + " + g + " % 3] end, "
                + "(array['nl','ar','ti','fa','uk','tr','en'])[1 + " + g + " % 7], "
                + "case when " + g + " % 3 <> 0 then null else 'q' || (" + g + " % 13 + 1) end, '{}', "
                + "timestamptz '2026-03-02 10:00+00' + " + g + " % 600 * interval '1 minute', "
                + "timestamptz '2026-03-02 10:30+00' + " + g + " % 600 * interval '1 minute', "
                + "case when " + g + " % 3 <> 0 then timestamptz '2026-03-02 11:00+00' end, " + wave + ", "
                + "case when " + g + " % 3 <> 0 then " + QUESTIONS + " else " + g + " % 13 end, " + QUESTIONS + " "
                + "from " + range + " where " + g + " % 10 <> 5");
        String h = "abs(hashtext(s.id::text || k))";
        exec("insert into answers (session_id, respondent_id, survey_version_id, question_id, question_type, value, raw_text, language, channel, "
                + "ioi_tags, preview, answered_at, wave_id) "
                + "select s.id, s.respondent_id, " + version + ", 'q' || k, "
                + "case when k <= 10 then 'single_choice' when k <= 15 then 'multiple_choice' when k <= 23 then 'scale' when k <= 28 then 'number' else 'text' end, "
                + "case when k <= 10 then jsonb_build_object('kind', 'CHOICE', 'choices', jsonb_build_array((array['a','b','c'])[1 + " + h + " % 3]))"
                + " when k <= 15 then jsonb_build_object('kind', 'CHOICES', 'choices', case when " + h + " % 2 = 0 then '[\"a\",\"c\"]'::jsonb else '[\"b\"]'::jsonb end)"
                + " when k <= 23 then case when " + h + " % 11 = 0 then jsonb_build_object('kind', 'NOT_APPLICABLE', 'choices', '[]'::jsonb)"
                + "   else jsonb_build_object('kind', 'SCALE', 'number', 1 + " + h + " % 5, 'choices', '[]'::jsonb) end"
                + " when k <= 28 then jsonb_build_object('kind', 'NUMBER', 'number', " + h + " % 101, 'choices', '[]'::jsonb)"
                + " else case when " + h + " % 4 = 0 then jsonb_build_object('kind', 'SKIPPED', 'choices', '[]'::jsonb)"
                + "   else jsonb_build_object('kind', 'TEXT', 'text', 'Mijn advies nummer ' || " + h + ", 'choices', '[]'::jsonb) end end, "
                + "null, s.language, s.channel, '{work}', false, s.started_at + k * interval '10 seconds', " + wave + " "
                + "from sessions s cross join lateral generate_series(1, s.answered) k where s.wave_id = " + wave);
        return wave;
    }

    private void exec(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
