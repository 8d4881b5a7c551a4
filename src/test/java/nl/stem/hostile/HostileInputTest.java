package nl.stem.hostile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import nl.stem.api.ApiTokensForTests;
import nl.stem.channel.telegram.TelegramUser;
import nl.stem.channel.whatsapp.Phone;
import nl.stem.channel.whatsapp.Webhooks;

/**
 * The cases, tried as a new user would: a NUL character in a Telegram message, a Twilio
 * message, a preview text, a member CSV, a survey id and an export filter; a form body of
 * {@code %%%}, an impossible date, an unknown path. Each gets a 2xx or a clear 4xx in Stem's problem
 * JSON, and nothing is stored half.
 */
@QuarkusTest
class HostileInputTest {
    @Inject
    DataSource db;

    @Test
    void telegram_whenTextAndNameHoldNul_isAnswered200AndHandledWithTheNulRemoved() throws Exception {
        TelegramUser u = TelegramUser.create("en");
        ObjectNode update = u.update("text");
        ObjectNode message = (ObjectNode) update.get("message");
        message.put("text", "/start\u0000");
        ((ObjectNode) message.get("from")).put("first_name", "A\u0000mal\uD800");
        u.post(update).statusCode(200);
        assertEquals(1, count("select count(*) from outbox where channel = 'telegram' and recipient = ?", u.chat()),
                "/start with a NUL removed is /start: the language menu is queued");
        u.tap("lang:en\u0000").statusCode(200);
        u.tap("a:consent:yes").statusCode(200);
        for (int i = 0; i < 11; i++) {
            u.tap("a:" + currentQuestion(u.chat()) + ":na").statusCode(200);
        }
        assertEquals("advice", currentQuestion(u.chat()));
        u.text("Leer\u0000 de taal\u0007 e\u0301erst").statusCode(200);
        assertEquals("Leer de taal éerst", string("select a.raw_text from answers a join channel_identities ci on ci.respondent_id = a.respondent_id "
                + "where ci.channel = 'telegram' and ci.provider_id = ? and a.question_id = 'advice'", u.chat()), "cleaned and NFC");
    }

    @Test
    void twilio_whenBodyProfileNameAndMessageSidHoldNul_isAnswered200AndHandled() throws Exception {
        Phone p = Phone.fresh();
        String sid = Phone.newSid();
        String form = "MessageSid=" + sid + "%00&NumMedia=0&ProfileName=Sa%00ra&MessageType=text&WaId=" + p.waId
                + "&Body=hallo%00%ED%A0%80&From=" + java.net.URLEncoder.encode(p.from, java.nio.charset.StandardCharsets.UTF_8)
                + "&AccountSid=ACtest00000000000000000000000000";
        Webhooks.Response r = Webhooks.post("/webhooks/twilio", form, Webhooks.signature("/webhooks/twilio", form));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(1, count("select count(*) from inbound_messages where channel = 'whatsapp' and provider_message_id = ?", sid));
        assertTrue(count("select count(*) from outbox where channel = 'whatsapp' and recipient = ?", p.from) > 0, "answered");
    }

    @Test
    void preview_whenTextHoldsNul_isAcceptedWithTheNulRemoved() {
        String token = given().contentType(ContentType.JSON).body("{\"survey\":\"toegang_tot_werk\\u0000\",\"language\":\"en\\u0000\"}")
                .post("/try/api/conversations").then().statusCode(201).extract().path("token");
        given().contentType(ContentType.JSON).body("{\"id\":\"m1\",\"text\":\"ja\\u0000\\ud800\"}")
                .post("/try/api/conversations/" + token + "/messages").then().statusCode(200);
        given().contentType("application/x-www-form-urlencoded").body("survey=toegang_tot_werk%00&language=ar")
                .redirects().follow(false).post("/try/start").then().statusCode(303);
    }

    @Test
    void memberCsv_whenACellHoldsNul_isRefusedNamingTheColumnAndNothingIsStored() throws Exception {
        String id = "NUL" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "member_id,channel,whatsapp_number,language,region\n" + id + ",telegram,,ar,Utr\u0000echt\n";
        ApiTokensForTests.as("coordinator").contentType("text/csv").body(csv).post("/api/members/import")
                .then().statusCode(422).body("details[0].reasons[0]", containsString("region has U+0000"));
        assertEquals(0, count("select count(*) from respondents where member_id = ?", id));
    }

    @Test
    void surveyIdsAndExportFilters_whenTheyHoldNul_get400ProblemJson() {
        for (String path : new String[] {"/api/surveys/a%00b", "/api/surveys/a%00b/versions", "/api/exports/long.csv?survey=x%00",
                "/api/exports/wide.do?survey=toegang_tot_werk&language=a%00", "/api/media?survey=%00", "/api/members?q=%00"}) {
            ApiTokensForTests.as("admin").urlEncodingEnabled(false).get(path).then().statusCode(400).contentType(ContentType.JSON)
                    .body("status", equalTo(400)).body("code", equalTo("malformed_url")).body("message", containsString("U+0000"));
        }
        ApiTokensForTests.as("admin").urlEncodingEnabled(false).post("/api/surveys/a%00b/retire").then().statusCode(400).body("code", equalTo("malformed_url"));
        // Sent as raw HTTP: java.net.URI refuses to build such requests. A '%' without two hex digits is
        // refused by the HTTP layer before routing (a bare 400); escapes that are not UTF-8 reach Stem's check.
        for (String raw : new String[] {"/try?after=%zz", "/try/%%%"}) {
            HostileInputFuzzTest.Outcome o = HostileInputFuzzTest.call("raw", new HostileInputFuzzTest.Req("GET", raw, (byte[]) null));
            assertEquals(400, o.status(), raw + ": " + o.body());
        }
        HostileInputFuzzTest.Outcome o = HostileInputFuzzTest.call("raw",
                new HostileInputFuzzTest.Req("GET", "/api/exports/long.csv?survey=%ED%A0%80", (byte[]) null));
        assertEquals(400, o.status(), o.body());
        assertTrue(o.body().contains("\"code\":\"malformed_url\""), o.body());
    }

    @Test
    void formBody_whenNotUrlEncoded_is400ProblemJson() {
        given().contentType("application/x-www-form-urlencoded").body("%%%").post("/try/start")
                .then().statusCode(400).contentType(ContentType.JSON).body("code", equalTo("malformed_form"));
        given().contentType("application/x-www-form-urlencoded").body("token=%%%").post("/dashboard/login")
                .then().statusCode(400).contentType(ContentType.JSON).body("code", equalTo("malformed_form"));
    }

    @Test
    void wave_whenInviteAtIsInTheYear999999998_is400() {
        ApiTokensForTests.as("coordinator").contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"survey\":\"toegang_tot_werk\",\"inviteAt\":\"+999999998-01-01T00:00:00Z\"}")
                .post("/api/waves").then().statusCode(400).body("code", equalTo("bad_invite_at"));
        ApiTokensForTests.as("coordinator").contentType(ContentType.JSON)
                .body("{\"name\":\"x\\u0000\",\"survey\":\"toegang_tot_werk\"}")
                .post("/api/waves").then().statusCode(400).body("code", equalTo("unfit_character")).body("message", containsString("/name"));
    }

    @Test
    void unknownPathsAndOddIds_getProblemJsonNever500() {
        given().get("/no/such/page").then().statusCode(404).contentType(ContentType.JSON).body("status", equalTo(404));
        ApiTokensForTests.as("admin").get("/api/surveys/" + "x".repeat(300) + "/versions").then().statusCode(404).body("code", equalTo("survey_not_found"));
        ApiTokensForTests.as("admin").get("/api/waves/99999999999999999999").then().statusCode(404).contentType(ContentType.JSON);
        ApiTokensForTests.as("admin").get("/api/media/..%2F..%2Fetc").then().statusCode(404).contentType(ContentType.JSON);
    }

    @Test
    void surveyValidation_whenTheConditionIsNestedDeeply_is422WithTheLineNotAStackOverflow() {
        String when = "(".repeat(50_000) + "age > 1" + ")".repeat(50_000);
        String yaml = "id: deep\ntitle: Deep\nsource_language: nl\nlanguages: [nl]\nquestions:\n"
                + "  - id: age\n    type: number\n    text: Leeftijd\n  - id: job\n    type: text\n    text: Werk\n    when: \"" + when + "\"\n";
        ApiTokensForTests.researcher().contentType(ContentType.JSON)
                .body(Map.of("survey", Map.of("file", "deep.yaml", "content", yaml)))
                .post("/api/surveys/validate").then().statusCode(422).body("code", equalTo("survey_invalid"))
                .body("details.find { it.message.contains('invalid condition') }.line", equalTo(12))
                .body("details.find { it.message.contains('invalid condition') }.key", equalTo("questions.job.when"))
                .body("details.find { it.message.contains('invalid condition') }.file", equalTo("surveys/deep.yaml"));
    }

    @Test
    void everyAnswer_carriesTheSecurityHeaders() {
        for (String path : new String[] {"/try", "/dashboard/login", "/try/chat.js", "/api/surveys", "/no/such/page", "/q/health"}) {
            var r = given().redirects().follow(false).get(path);
            assertTrue(r.header("Content-Security-Policy").contains("frame-ancestors 'none'"), path);
            assertTrue(r.header("Content-Security-Policy").contains("script-src 'self'"), path);
            assertFalse(r.header("Content-Security-Policy").contains("script-src 'self' 'unsafe-inline'"), path);
            assertEquals("DENY", r.header("X-Frame-Options"), path);
            assertEquals("nosniff", r.header("X-Content-Type-Options"), path);
            assertEquals("no-referrer", r.header("Referrer-Policy"), path);
        }
    }

    private String currentQuestion(String chat) throws Exception {
        return string("select s.current_question from sessions s join channel_identities ci on ci.respondent_id = s.respondent_id "
                + "where ci.channel = 'telegram' and ci.provider_id = ? order by s.started_at desc limit 1", chat);
    }

    private long count(String sql, Object... params) throws Exception {
        return Long.parseLong(string(sql, params));
    }

    private String string(String sql, Object... params) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
