package nl.stem.results;

import static io.restassured.RestAssured.given;
import static nl.stem.api.ApiTokensForTests.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * A coordinator publishes a wave's results, the public page shows them in Dutch and Arabic with
 * no pseudonym, no small group and no open answer except the quotes a researcher marked (escaped),
 * the feedback message carries the link, and a revoked or mistyped link tells nothing.
 */
@QuarkusTest
class PublicResultsTest {
    @Inject
    DataSource db;

    @Test
    void publish_show_quote_feedBack_revoke() throws Exception {
        ResultsWave w = ResultsWave.shared(db);
        as("coordinator").post("/api/waves/" + w.wave + "/close").then().statusCode(200);
        // {link} without public results: refused, naming what to do
        as("coordinator").contentType(ContentType.JSON).body(Map.of("texts", Map.of("default", "Lees: {link}")))
                .post("/api/waves/" + w.wave + "/feedback").then().statusCode(422);

        as("researcher").post("/api/waves/" + w.wave + "/publication").then().statusCode(403);
        JsonPath p = as("coordinator").post("/api/waves/" + w.wave + "/publication").then().statusCode(201).extract().jsonPath();
        String token = p.getString("token");
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        assertEquals("https://stem.example.test/results/" + token, p.getString("url"));
        assertEquals(token, as("coordinator").post("/api/waves/" + w.wave + "/publication").then().statusCode(200)
                .extract().jsonPath().getString("token"), "publishing again gives the live link");

        String nl = given().get("/results/" + token).then().statusCode(200).extract().asString();
        assertTrue(nl.contains("lang=\"nl\" dir=\"ltr\""));
        assertTrue(nl.contains("Heb je werk?"));
        assertTrue(nl.contains("Wat het panel zei") || nl.contains("mensen deden mee"), "the page's own words in Dutch");
        String ar = given().get("/results/" + token + "?lang=ar").then().statusCode(200).extract().asString();
        assertTrue(ar.contains("lang=\"ar\" dir=\"rtl\""));
        assertTrue(ar.contains("هل لديك عمل؟"), "the question in Arabic");
        assertTrue(ar.contains("نعم"), "the choice in Arabic");
        String browserArabic = given().header("Accept-Language", "ar-SY,ar;q=0.9").get("/results/" + token).then().statusCode(200)
                .extract().asString();
        assertTrue(browserArabic.contains("dir=\"rtl\""), "the browser's language is taken when the survey has it");

        JsonPath json = given().get("/results/" + token + "/results.json").then().statusCode(200).extract().jsonPath();
        double ja = json.getDouble("questions.find { it.id == 'werk' }.options.find { it.key == 'ja' }.share");
        double expected = as("researcher").get("/api/results?survey=" + w.survey + "&wave=" + w.wave).then().statusCode(200)
                .extract().jsonPath().getDouble("questions.find { it.id == 'werk' }.shares.ja");
        assertEquals(expected, ja, 1e-6, "the same share as the researchers see");
        assertFalse(json.getList("questions.id").contains("advies"), "open answers are not public until quoted");

        // No pseudonym, no group, no open answer on the public page or in its JSON
        String jsonText = given().get("/results/" + token + "/results.json").asString();
        for (Object[] r : w.panel.rows("select r.pseudonym from respondents r join wave_members wm on wm.respondent_id = r.id where wm.wave_id = ?", w.wave)) {
            assertFalse(nl.contains((String) r[0]) || ar.contains((String) r[0]) || jsonText.contains((String) r[0]), "pseudonym on the public page");
        }
        for (String small : List.of("Limburg", "Groningen", "Utrecht", "Tweede regel", "taalles")) {
            assertFalse(nl.contains(small) || jsonText.contains(small), small + " on the public page");
        }

        // A researcher marks two answers as quotes: a script tag and an RTL override, both shown harmlessly
        JsonPath answers = as("researcher").get("/api/results/answers?survey=" + w.survey + "&wave=" + w.wave + "&question=advies&q=script")
                .then().statusCode(200).extract().jsonPath();
        long scriptAnswer = answers.getLong("answers[0].id");
        long overrideAnswer = as("researcher").get("/api/results/answers?survey=" + w.survey + "&wave=" + w.wave + "&question=advies&q=العمل")
                .then().statusCode(200).extract().jsonPath().getLong("answers[0].id");
        as("coordinator").put("/api/results/quotes/" + scriptAnswer).then().statusCode(403);
        as("researcher").put("/api/results/quotes/" + scriptAnswer).then().statusCode(204);
        as("researcher").put("/api/results/quotes/" + overrideAnswer).then().statusCode(204);
        as("researcher").put("/api/results/quotes/999999999999").then().statusCode(404);
        String quoted = given().get("/results/" + token).then().statusCode(200).extract().asString();
        assertTrue(quoted.contains("Meer taalles &lt;script&gt;alert(1)&lt;/script&gt;"), "escaped");
        assertFalse(quoted.contains("<script>alert"), "never a live script");
        assertTrue(quoted.contains("<blockquote lang=\"nl\" dir=\"ltr\">"));
        assertTrue(quoted.contains("<blockquote lang=\"nl\" dir=\"ltr\">العمل مهم</blockquote>"), "the override character is not shown");
        assertFalse(quoted.contains("\u202E"));
        as("researcher").delete("/api/results/quotes/" + scriptAnswer).then().statusCode(204);
        assertFalse(given().get("/results/" + token).asString().contains("taalles"), "unmarked: gone from the page");

        // The feedback message carries the link
        as("coordinator").contentType(ContentType.JSON).body(Map.of("texts", Map.of("default", "Dit leerden we: {link}")))
                .post("/api/waves/" + w.wave + "/feedback").then().statusCode(202);
        Object payload = w.panel.value("select o.payload::text from panel_contacts pc join outbox o on o.id = pc.outbox_id "
                + "where pc.wave_id = ? and pc.kind = 'feedback' limit 1", w.wave);
        assertTrue(String.valueOf(payload).contains("https://stem.example.test/results/" + token), String.valueOf(payload));

        // Revoked: 404 like any unknown link, and publishing again makes a new link
        as("coordinator").delete("/api/waves/" + w.wave + "/publication").then().statusCode(204);
        as("coordinator").delete("/api/waves/" + w.wave + "/publication").then().statusCode(404);
        given().get("/results/" + token).then().statusCode(404);
        given().get("/results/" + token + "/results.json").then().statusCode(404);
        given().get("/results/" + token.substring(1) + "x").then().statusCode(404);
        given().get("/results/short").then().statusCode(404);
        given().get("/results/%00%00").then().statusCode(404);
        String again = as("coordinator").post("/api/waves/" + w.wave + "/publication").then().statusCode(201).extract().jsonPath().getString("token");
        assertNotEquals(token, again);
        as("coordinator").post("/api/waves/999999999/publication").then().statusCode(404);
        as("coordinator").post("/api/waves/abc/publication").then().statusCode(404);
        as("coordinator").delete("/api/waves/" + w.wave + "/publication").then().statusCode(204);
        Object audited = w.panel.value("select count(*) from audit_log where action in ('results.publish', 'results.revoke', 'results.quote')"
                + " and (subject = ? or subject like 'answer:%')", "wave:" + w.wave);
        assertTrue(((Number) audited).longValue() >= 5, "publishing, revoking and quoting are audited");
    }
}
