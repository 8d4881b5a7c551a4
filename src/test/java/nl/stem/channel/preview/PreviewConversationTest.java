package nl.stem.channel.preview;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import nl.stem.config.StemConfig;

/** End to end through the preview's HTTP endpoints into PostgreSQL. */
@QuarkusTest
class PreviewConversationTest {

    @Inject
    DataSource db;
    @Inject
    StemConfig config;

    @Test
    void toegangTotWerk_whenTakenToTheEndInDutch_storesEveryAnswerWithTagsLanguageAndVersion() throws Exception {
        PreviewClient c = PreviewClient.start("toegang_tot_werk", "nl");
        assertEquals("consent", c.currentQuestionId());
        c.tap("a:consent:yes");
        int i = 0;
        List<String> scaleQuestions = new ArrayList<>();
        while (c.currentQuestionId().startsWith("help_")) {
            String q = c.currentQuestionId();
            scaleQuestions.add(q);
            switch (i++ % 3) {
                case 0 -> c.tap("a:" + q + ":4");      // a button
                case 1 -> c.type("٢");                  // Arabic-Indic digit 2
                default -> c.tap("a:" + q + ":na");    // not applicable
            }
        }
        assertEquals(11, scaleQuestions.size(), "the 11 sources of the expert-pool survey");
        assertEquals("advice", c.currentQuestionId());
        Path audio = Files.createTempFile("voice", ".ogg");
        byte[] bytes = ("OggS fake voice note " + UUID.randomUUID()).getBytes();
        Files.write(audio, bytes);
        c.upload(audio.toFile(), "audio/ogg");
        assertEquals("completed", c.status());

        try (Connection conn = db.getConnection();
             PreparedStatement ps = conn.prepareStatement("""
                     select a.question_id, a.question_type, a.value::text, a.raw_text, a.language, a.channel, a.ioi_tags,
                            a.preview, v.survey_id, v.version, m.status, m.sha256, m.kind
                     from answers a join sessions s on s.id = a.session_id
                     join channel_identities ci on ci.respondent_id = s.respondent_id
                     join survey_versions v on v.id = a.survey_version_id
                     left join media_objects m on m.id = a.media_id
                     where ci.channel = 'preview' and ci.provider_id = ? order by a.id""")) {
            ps.setString(1, c.token);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> questions = new ArrayList<>();
                while (rs.next()) {
                    String q = rs.getString(1);
                    questions.add(q);
                    assertEquals("nl", rs.getString(5));
                    assertEquals("preview", rs.getString(6));
                    assertTrue(rs.getBoolean(8));
                    assertEquals("toegang_tot_werk", rs.getString(9));
                    assertTrue(rs.getInt(10) >= 1);
                    String[] tags = (String[]) ((Array) rs.getArray(7)).getArray();
                    if (q.startsWith("help_")) {
                        assertEquals("scale", rs.getString(2));
                        assertTrue(List.of(tags).stream().anyMatch(t -> t.startsWith("work")), q + " is tagged work: " + List.of(tags));
                    }
                    if (q.equals(scaleQuestions.get(1))) {
                        assertEquals("٢", rs.getString(4), "raw text kept as typed");
                        assertTrue(rs.getString(3).contains("2"), "parsed value 2: " + rs.getString(3));
                    }
                    if (q.equals(scaleQuestions.get(2))) {
                        assertTrue(rs.getString(3).contains("NOT_APPLICABLE"), rs.getString(3));
                    }
                    if (q.equals("advice")) {
                        assertEquals("stored", rs.getString(11));
                        assertEquals("audio", rs.getString(13));
                        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
                        assertEquals(sha, rs.getString(12));
                        Path stored = config.media().dir().resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
                        assertArrayEquals(bytes, Files.readAllBytes(stored));
                    }
                }
                List<String> expected = new ArrayList<>();
                expected.add("consent");
                expected.addAll(scaleQuestions);
                expected.add("advice");
                assertEquals(expected, questions);
            }
        }
    }

    @Test
    void sameMessage_whenDeliveredTwice_isAnsweredOnce() throws Exception {
        PreviewClient c = PreviewClient.start("toegang_tot_werk", "en");
        c.tap("a:consent:yes");
        String q = c.currentQuestionId();
        Map<String, String> body = Map.of("id", "dup-" + UUID.randomUUID(), "text", "3");
        given().contentType(ContentType.JSON).body(body).post("/try/api/conversations/" + c.token + "/messages")
                .then().statusCode(200).body("duplicate", equalTo(false));
        int outboxAfterFirst = count("select count(*) from outbox o join channel_identities ci on ci.respondent_id = o.respondent_id where ci.provider_id = ?", c.token);
        given().contentType(ContentType.JSON).body(body).post("/try/api/conversations/" + c.token + "/messages")
                .then().statusCode(200).body("duplicate", equalTo(true));
        assertEquals(1, answers(c.token, q));
        assertEquals(outboxAfterFirst, count("select count(*) from outbox o join channel_identities ci on ci.respondent_id = o.respondent_id where ci.provider_id = ?", c.token),
                "no second reply");
    }

    @Test
    void twoMessages_whenSentAtOnce_areSerialisedAndBothKept() throws Exception {
        PreviewClient c = PreviewClient.start("toegang_tot_werk", "nl");
        c.tap("a:consent:yes");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> sent = new ArrayList<>();
            for (String answer : List.of("3", "5")) {
                sent.add(pool.submit(() -> {
                    go.await();
                    return given().contentType(ContentType.JSON)
                            .body(Map.of("id", UUID.randomUUID().toString(), "text", answer))
                            .post("/try/api/conversations/" + c.token + "/messages").statusCode();
                }));
            }
            go.countDown();
            for (Future<Integer> f : sent) {
                assertEquals(200, f.get());
            }
        } finally {
            pool.shutdown();
        }
        // Serialised: the first answers help question 1, the second question 2 — nothing lost or doubled.
        assertEquals(2, count("select count(*) from answers a join channel_identities ci on ci.respondent_id = a.respondent_id "
                + "where ci.provider_id = ? and a.question_id like 'help_%'", c.token));
        c.poll();
        List<String> asked = c.seen.stream().map(m -> (String) m.get("questionId"))
                .filter(q -> q != null && q.startsWith("help_")).distinct().toList();
        assertEquals(3, asked.size(), "two answers moved the survey on twice: " + asked);
        assertEquals(asked.get(2), c.currentQuestionId());
    }

    @Test
    void consent_whenRefused_endsPolitelyAndKeepsNoAnswers() throws Exception {
        PreviewClient c = PreviewClient.start("veiligheid_en_stabiliteit", "ar");
        c.tap("a:consent:no");
        assertEquals("refused", c.status());
        assertEquals(0, count("select count(*) from answers a join channel_identities ci on ci.respondent_id = a.respondent_id where ci.provider_id = ?", c.token));
        Map<String, Object> last = c.seen.get(c.seen.size() - 1);
        assertEquals(true, last.get("rtl"), "Arabic is shown right to left");
    }

    @Test
    void text_whenOver4096Characters_getsARepromptAndNoAnswer() throws Exception {
        PreviewClient c = PreviewClient.start("toegang_tot_werk", "en");
        c.tap("a:consent:yes");
        String q = c.currentQuestionId();
        List<Map<String, Object>> replies = c.type("x".repeat(5000));
        assertEquals("reprompt", replies.get(0).get("kind"));
        assertEquals(q, c.currentQuestionId());
        assertEquals(0, answers(c.token, q));
    }

    @Test
    void badRequests_getClearProblemsNeverStackTraces() {
        PreviewClient c = PreviewClient.start("toegang_tot_werk", "nl");
        String url = "/try/api/conversations/" + c.token + "/messages";
        given().contentType(ContentType.JSON).body("{not json").post(url)
                .then().statusCode(400).body("code", equalTo("malformed_json"));
        given().contentType(ContentType.JSON).body("{\"id\":\"a1\"}").post(url)
                .then().statusCode(400).body("code", equalTo("text_or_payload"));
        given().contentType(ContentType.JSON).body("{\"id\":\"a2\",\"text\":\"1\",\"payload\":\"x\"}").post(url)
                .then().statusCode(400).body("code", equalTo("text_or_payload"));
        given().contentType(ContentType.JSON).body("{\"text\":\"1\"}").post(url)
                .then().statusCode(400).body("code", equalTo("bad_message_id"));
        given().contentType(ContentType.JSON).body("{\"id\":\"a3\",\"text\":\"" + "y".repeat(70_000) + "\"}").post(url)
                .then().statusCode(413).body("code", equalTo("body_too_large"));
        given().contentType(ContentType.TEXT).body("hello").post(url)
                .then().statusCode(415);
        given().contentType(ContentType.JSON).body("{\"id\":\"a4\",\"text\":\"1\"}").post("/try/api/conversations/NoSuchTokenNoSuchTokenNoSuchTok1/messages")
                .then().statusCode(404).body("code", equalTo("conversation_not_found"));
        given().contentType(ContentType.JSON).body("{\"survey\":\"no_such_survey\"}").post("/try/api/conversations")
                .then().statusCode(404).body("code", equalTo("survey_not_found"));
        given().contentType(ContentType.JSON).body("[]").post("/try/api/conversations")
                .then().statusCode(400).body("code", equalTo("malformed_json"));
        given().contentType(ContentType.JSON).body("{\"id\":\"a5\",\"payload\":\"a:nonsense:1\"}").post(url)
                .then().statusCode(200);
        assertFalse(c.poll().isEmpty(), "an unknown button gets a polite word, not an error");
    }

    @Test
    void upload_whenNotAudioOrVideo_getsARepromptAndStoresNothing() throws Exception {
        PreviewClient c = PreviewClient.start("toegang_tot_werk", "en");
        c.tap("a:consent:yes");
        Path pdf = Files.createTempFile("doc", ".pdf");
        Files.writeString(pdf, "%PDF-1.4 not an answer");
        List<Map<String, Object>> replies = c.upload(pdf.toFile(), "application/pdf");
        assertEquals("reprompt", replies.get(0).get("kind"));
        assertEquals(0, count("select count(*) from media_objects m join channel_identities ci on ci.respondent_id = m.respondent_id where ci.provider_id = ?", c.token));
    }

    @Test
    void tryPage_listsBothExampleSurveysWithSelfNames() {
        given().get("/try").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("toegang_tot_werk"))
                .body(org.hamcrest.Matchers.containsString("veiligheid_en_stabiliteit"))
                .body(org.hamcrest.Matchers.containsString("العربية"))
                .body(org.hamcrest.Matchers.containsString("ትግርኛ"));
    }

    @Test
    void deleteCommand_whenConfirmed_removesAnswersMediaAndFilesAndLeavesAnAnonymousAuditRecord() throws Exception {
        PreviewClient c = PreviewClient.start("toegang_tot_werk", "ar");
        c.tap("a:consent:yes");
        while (c.currentQuestionId().startsWith("help_")) {
            c.tap("a:" + c.currentQuestionId() + ":3");
        }
        Path audio = Files.createTempFile("voice", ".ogg");
        byte[] bytes = ("OggS to be deleted " + UUID.randomUUID()).getBytes();
        Files.write(audio, bytes);
        c.upload(audio.toFile(), "audio/ogg");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Path stored = config.media().dir().resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        assertTrue(Files.exists(stored));
        int audits = count("select count(*) from audit_log where action = 'respondent.erase' and ? <> ''", c.token);

        c.type("حذف");
        c.tap("delete:yes");

        assertEquals(0, count("select count(*) from answers a join channel_identities ci on ci.respondent_id = a.respondent_id where ci.provider_id = ?", c.token));
        assertEquals(0, count("select count(*) from media_objects m join channel_identities ci on ci.respondent_id = m.respondent_id where ci.provider_id = ?", c.token));
        assertFalse(Files.exists(stored), "the media file is gone");
        assertEquals(0, count("select count(*) from channel_identities where provider_id = ?", c.token), "the identity is gone too");
        assertEquals(audits + 1, count("select count(*) from audit_log where action = 'respondent.erase' and ? <> ''", c.token));
        assertEquals(0, count("select count(*) from audit_log where details::text like '%' || ? || '%'", c.token), "no identity in the audit log");
    }

    @Test
    void tryPage_whenBrowserPrefersArabic_preselectsArabic() {
        String page = given().header("Accept-Language", "ar-SY,ar;q=0.9,en;q=0.5").get("/try").then().statusCode(200).extract().asString();
        // The form of an example survey (other tests may publish surveys without Arabic).
        int form = page.indexOf("id=\"survey-toegang_tot_werk\"");
        String html = page.substring(form, page.indexOf("</form>", form));
        assertTrue(html.matches("(?s).*value=\"ar\" checked.*"), "Arabic preselected");
        assertFalse(html.matches("(?s).*value=\"nl\" checked.*"), "Dutch not preselected");
    }

    private int answers(String token, String questionId) throws Exception {
        try (Connection conn = db.getConnection();
             PreparedStatement ps = conn.prepareStatement("select count(*) from answers a join channel_identities ci on ci.respondent_id = a.respondent_id where ci.provider_id = ? and a.question_id = ?")) {
            ps.setString(1, token);
            ps.setString(2, questionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private int count(String sql, String token) throws Exception {
        try (Connection conn = db.getConnection(); PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, token);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
