package nl.stem.results;

import static nl.stem.api.ApiTokensForTests.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The dashboard's results pages over HTTP: who may see what, suppression in the page, escaping, bad input. */
@QuarkusTest
class ResultsPagesTest {
    @Inject
    DataSource db;

    @Test
    void resultsPage_showsFiguresSuppressionAndTheRule_withoutPseudonyms() throws Exception {
        ResultsWave w = ResultsWave.shared(db);
        String index = as("researcher").get("/dashboard/results?lang=en").then().statusCode(200).extract().asString();
        assertTrue(index.contains("/dashboard/results/" + w.survey + "?wave=" + w.wave), "the wave is offered");
        String page = as("researcher").get("/dashboard/results/" + w.survey + "?wave=" + w.wave + "&by=region&lang=en")
                .then().statusCode(200).extract().asString();
        assertTrue(page.contains("Heb je werk?"));
        assertTrue(page.contains("fewer than 5 responses shows"), "the suppression rule is printed");
        assertTrue(page.contains("data-key=\"Limburg\" data-kind=\"value\" class=\"suppressed\""), "Limburg is hidden");
        assertTrue(page.contains("&lt;5"), "a hidden group says <5");
        assertTrue(page.contains("Work"), "grouped under the IoI domain");
        for (Object[] r : w.panel.rows("select r.pseudonym from respondents r join wave_members wm on wm.respondent_id = r.id where wm.wave_id = ?", w.wave)) {
            assertFalse(page.contains((String) r[0]), "no pseudonym in the page");
        }
        String arabic = as("coordinator").get("/dashboard/results/" + w.survey + "?wave=" + w.wave + "&text=ar&view=survey&lang=nl")
                .then().statusCode(200).extract().asString();
        assertTrue(arabic.contains("هل لديك عمل؟"), "question texts in the survey's other language");
        assertTrue(arabic.contains("Kleine groepen zijn verborgen"), "the page itself in Dutch");
        assertFalse(arabic.contains("answers-link"), "coordinators do not read open answers");
        String csv = as("coordinator").get("/dashboard/results/" + w.survey + "/table.csv?wave=" + w.wave + "&question=hulp&ui=nl")
                .then().statusCode(200).extract().asString();
        assertTrue(csv.contains("hulp,alle,"), csv);
    }

    @Test
    void resultsPage_carriesTheFiguresOfResultsJson_forTheCharts_withNoWayOutOfTheirBlock() throws Exception {
        ResultsWave w = ResultsWave.shared(db);
        String hostile = "Golf </script><img src=x onerror=alert(1)> & <!--";
        String name = (String) w.panel.rows("select name from waves where id = ?", w.wave).get(0)[0];
        w.panel.update("update waves set name = ? where id = ?", hostile, w.wave);
        try {
            String query = "?wave=" + w.wave + "&by=wave&lang=en";
            String page = as("researcher").get("/dashboard/results/" + w.survey + query).then().statusCode(200).extract().asString();
            String open = "<script type=\"application/json\" id=\"results-figures\">";
            int start = page.indexOf(open);
            assertTrue(start >= 0, "the page carries its figures");
            String block = page.substring(start + open.length(), page.indexOf("</script>", start));
            assertFalse(block.contains("<") || block.contains(">") || block.contains("&"), "no markup in the block: " + block);
            assertFalse(page.contains("<img src=x"), "the wave's name is never markup");
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode embedded = (ObjectNode) mapper.readTree(block);
            ObjectNode api = (ObjectNode) mapper.readTree(as("researcher").get("/dashboard/results/" + w.survey + "/results.json"
                    + query.replace("&lang=en", "&ui=en")).then().statusCode(200).extract().asString());
            assertTrue(embedded.toString().contains(mapper.writeValueAsString(hostile)), "the name, unescaped by JSON");
            embedded.remove("computedAt");
            api.remove("computedAt");
            assertEquals(api, embedded, "the charts draw what results.json gives");
        } finally {
            w.panel.update("update waves set name = ? where id = ?", name, w.wave);
        }
    }

    @Test
    void answersPage_escapesAnswers_andIsForResearchersOnly() throws Exception {
        ResultsWave w = ResultsWave.shared(db);
        String answers = as("researcher").get("/dashboard/results/" + w.survey + "/answers/advies?wave=" + w.wave + "&lang=en")
                .then().statusCode(200).extract().asString();
        assertTrue(answers.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertFalse(answers.contains("<script>alert"));
        assertFalse(answers.contains("\u202E"), "no bidi override reaches the page");
        as("coordinator").redirects().follow(false).get("/dashboard/results/" + w.survey + "/answers/advies").then().statusCode(403);
        String searched = as("researcher").get("/dashboard/results/" + w.survey + "/answers/advies?wave=" + w.wave + "&q=" + "%25_%5C")
                .then().statusCode(200).extract().asString();
        assertTrue(searched.contains("0 answers") || searched.contains("0 antwoorden"), "LIKE wildcards are searched literally");
    }

    @Test
    void aResearchersDashboardLogin_opensTheMediaPlayersSource() {
        // The answer list plays media from /api/media/{id}: the dashboard's cookie must count there.
        String cookie = io.restassured.RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("token", nl.stem.api.ApiTokensForTests.token("researcher")).post("/dashboard/login")
                .then().statusCode(303).extract().cookie(nl.stem.dashboard.DashboardCookieMechanism.COOKIE);
        io.restassured.RestAssured.given().cookie(nl.stem.dashboard.DashboardCookieMechanism.COOKIE, cookie)
                .get("/api/media/" + java.util.UUID.randomUUID()).then().statusCode(404);
        io.restassured.RestAssured.given().get("/api/media/" + java.util.UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void forms_withTheSessionCookie_needTheirFormToken_andExportLinksWorkWithTheSession() throws Exception {
        ResultsWave w = ResultsWave.shared(db);
        String coordinator = login("coordinator");
        String page = io.restassured.RestAssured.given().cookie(nl.stem.dashboard.DashboardCookieMechanism.COOKIE, coordinator)
                .get("/dashboard/results/" + w.survey + "?wave=" + w.wave).then().statusCode(200).extract().asString();
        String token = nl.stem.dashboard.FormTokens.of(coordinator);
        assertTrue(page.contains("name=\"form_token\" value=\"" + token + "\""), "the form carries its token");
        String post = "/dashboard/results/waves/" + w.wave + "/publication";
        // Without the token, or with another session's: refused, nothing published
        for (String bad : new String[] {null, "", nl.stem.dashboard.FormTokens.of("another-session")}) {
            var spec = io.restassured.RestAssured.given().redirects().follow(false)
                    .cookie(nl.stem.dashboard.DashboardCookieMechanism.COOKIE, coordinator).contentType("application/x-www-form-urlencoded")
                    .formParam("action", "publish");
            if (bad != null) {
                spec = spec.formParam("form_token", bad);
            }
            spec.post(post).then().statusCode(403);
        }
        as("coordinator").get("/api/waves/" + w.wave + "/publication").then().statusCode(404);
        io.restassured.RestAssured.given().redirects().follow(false).cookie(nl.stem.dashboard.DashboardCookieMechanism.COOKIE, coordinator)
                .contentType("application/x-www-form-urlencoded").formParam("action", "publish").formParam("form_token", token)
                .formParam("back", "/dashboard/results/" + w.survey).post(post).then().statusCode(303);
        as("coordinator").get("/api/waves/" + w.wave + "/publication").then().statusCode(200);
        io.restassured.RestAssured.given().redirects().follow(false).cookie(nl.stem.dashboard.DashboardCookieMechanism.COOKIE, coordinator)
                .contentType("application/x-www-form-urlencoded").formParam("action", "revoke").formParam("form_token", token)
                .post(post).then().statusCode(303);

        String researcher = login("researcher");
        String results = io.restassured.RestAssured.given().cookie(nl.stem.dashboard.DashboardCookieMechanism.COOKIE, researcher)
                .get("/dashboard/results/" + w.survey + "?wave=" + w.wave).then().statusCode(200).extract().asString();
        String link = "/api/exports/wide.csv?survey=" + w.survey + "&amp;wave=" + w.wave;
        assertTrue(results.contains(link), "the exports are linked with the page's filters");
        io.restassured.RestAssured.given().cookie(nl.stem.dashboard.DashboardCookieMechanism.COOKIE, researcher)
                .get(link.replace("&amp;", "&")).then().statusCode(200);
    }

    private static String login(String role) {
        return io.restassured.RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("token", nl.stem.api.ApiTokensForTests.token(role)).post("/dashboard/login")
                .then().statusCode(303).extract().cookie(nl.stem.dashboard.DashboardCookieMechanism.COOKIE);
    }

    @Test
    void badInput_getsAPageOrProblem_neverA500() throws Exception {
        ResultsWave w = ResultsWave.shared(db);
        as("researcher").get("/dashboard/results/nope").then().statusCode(404);
        as("researcher").get("/dashboard/results/" + w.survey + "?wave=abc").then().statusCode(400);
        as("researcher").get("/dashboard/results/" + w.survey + "?by=nonexistent_attr").then().statusCode(400);
        as("researcher").get("/dashboard/results/" + w.survey + "/answers/nope").then().statusCode(404);
        as("researcher").get("/dashboard/results/" + w.survey + "/answers/advies?page=0").then().statusCode(400);
        as("researcher").get("/dashboard/results/" + w.survey + "/answers/advies?q=" + "x".repeat(300)).then().statusCode(400);
        as("researcher").get("/dashboard/results/" + w.survey + "/results.json?wave=999999999").then().statusCode(404);
        as("researcher").get("/dashboard/results/" + w.survey + "/table.csv").then().statusCode(400);
        as("researcher").redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("action", "publish").post("/dashboard/results/waves/" + w.wave + "/publication").then().statusCode(403);
        io.restassured.RestAssured.given().redirects().follow(false).get("/dashboard/results").then().statusCode(303);
        assertTrue(ResultsPages.local("https://evil.example/x").equals("/dashboard/results"));
        assertTrue(ResultsPages.local("//evil.example").equals("/dashboard/results"));
        assertTrue(ResultsPages.local("/dashboard/results/x?wave=1").equals("/dashboard/results/x?wave=1"));
    }
}
