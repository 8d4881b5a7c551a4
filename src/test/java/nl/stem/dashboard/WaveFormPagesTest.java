package nl.stem.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import nl.stem.api.ApiTokensForTests;
import nl.stem.api.PublishedForTests;
import nl.stem.channel.whatsapp.Phone;
import nl.stem.panel.PanelFixture;

/**
 * A coordinator starts a wave in the browser: the form previews who is invited and who is left out
 * and why, launches through the same service as the API, and a double submit makes one wave.
 */
@QuarkusTest
class WaveFormPagesTest {
    @Inject
    DataSource db;

    @AfterEach
    void retire() {
        PublishedForTests.retireAll();
    }

    @Test
    void coordinator_previewsThenLaunches_once() throws Exception {
        PanelFixture panel = new PanelFixture(db);
        String survey = nl.stem.panel.wave.WaveTestSurveys.publish("wf_" + panel.prefix);
        panel.member("a", "whatsapp", Phone.fresh().from, "nl", null, "{\"region\":\"" + panel.prefix + "\"}");
        panel.member("b", "whatsapp", Phone.fresh().from, "ar", null, "{\"region\":\"" + panel.prefix + "\"}");
        panel.member("c", "whatsapp", Phone.fresh().from, "nl", null, "{\"region\":\"" + panel.prefix + "\"}");
        panel.update("update respondents set opted_out_at = now() where member_id = ?", panel.id("c"));
        String cookie = DashboardLogins.login(ApiTokensForTests.token("coordinator"));
        String form = given().cookie(DashboardCookieMechanism.COOKIE, cookie).get("/dashboard/waves/new?lang=en")
                .then().statusCode(200).extract().asString();
        String key = form.replaceAll("(?s).*name=\"key\" value=\"([^\"]+)\".*", "$1");
        assertTrue(key.matches("[A-Za-z0-9_-]{24}"), key);
        Map<String, String> fields = Map.of("lang", "en", "name", "Browser wave " + panel.prefix, "survey", survey,
                "reminders", "48, 120", "attributes", "region=" + panel.prefix, "quiet_start", "00:00", "quiet_end", "00:00",
                "key", key, "form_token", FormTokens.of(cookie));

        String preview = post(cookie, fields, "preview").then().statusCode(200).extract().asString();
        assertTrue(preview.contains("2 members invited"), preview);
        assertTrue(preview.contains("data-key=\"opted_out\""), "who is left out, and why");
        assertEquals(0L, panel.value("select count(*) from waves where name = ?", "Browser wave " + panel.prefix));

        Response launched = post(cookie, fields, "launch");
        assertEquals(303, launched.statusCode());
        String location = launched.getHeader("Location");
        assertTrue(location.matches(".*/dashboard/waves/\\d+\\?lang=en"), location);
        Response again = post(cookie, fields, "launch");
        assertEquals(location, again.getHeader("Location"), "a double submit goes to the same wave");
        assertEquals(1L, panel.value("select count(*) from waves where name = ?", "Browser wave " + panel.prefix));
        assertEquals(2L, panel.value("select count(*) from wave_members wm join waves w on w.id = wm.wave_id where w.name = ?",
                "Browser wave " + panel.prefix));

        // From the wave's page: close it, then send what we learned per language
        String waveId = location.replaceAll(".*/waves/(\\d+).*", "$1");
        String wavePage = given().cookie(DashboardCookieMechanism.COOKIE, cookie).get("/dashboard/waves/" + waveId + "?lang=en")
                .then().statusCode(200).extract().asString();
        assertTrue(wavePage.contains("id=\"close-form\""), "an open wave offers to close it");
        given().redirects().follow(false).cookie(DashboardCookieMechanism.COOKIE, cookie).contentType("application/x-www-form-urlencoded")
                .formParam("lang", "en").post("/dashboard/wave-actions/" + waveId + "/close").then().statusCode(403);
        given().redirects().follow(false).cookie(DashboardCookieMechanism.COOKIE, cookie).contentType("application/x-www-form-urlencoded")
                .formParam("lang", "en").formParam("form_token", FormTokens.of(cookie)).post("/dashboard/wave-actions/" + waveId + "/close")
                .then().statusCode(303);
        assertEquals("closed", panel.value("select status from waves where id = ?", Long.parseLong(waveId)));
        String closed = given().cookie(DashboardCookieMechanism.COOKIE, cookie).get("/dashboard/waves/" + waveId + "?lang=en")
                .then().statusCode(200).extract().asString();
        assertTrue(closed.contains("name=\"text_ar\""), "a text field per survey language");
        // The preview shows each language's exact message, right to left where it applies, and sends nothing.
        String feedbackPreview = given().cookie(DashboardCookieMechanism.COOKIE, cookie).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("lang", "en").formParam("form_token", FormTokens.of(cookie)).formParam("action", "preview")
                .formParam("text_ar", "شكراً لكم").post("/dashboard/wave-actions/" + waveId + "/feedback").then().statusCode(200)
                .extract().asString();
        assertTrue(feedbackPreview.matches("(?s).*<section class=\"preview-message\" data-key=\"ar\">.*dir=\"rtl\">[^<]*شكراً لكم.*"), feedbackPreview);
        assertTrue(feedbackPreview.contains("data-missing=\"nl\""), "Dutch has no text and no default: shown as missing");
        assertTrue(feedbackPreview.contains("name=\"text_ar\" value=\"شكراً لكم\""), "the send form carries the texts");
        assertEquals(null, panel.value("select feedback_sent_at from waves where id = ?", Long.parseLong(waveId)));
        // Nobody answered, so it goes to nobody; it is sent once
        given().redirects().follow(false).cookie(DashboardCookieMechanism.COOKIE, cookie).contentType("application/x-www-form-urlencoded")
                .formParam("lang", "en").formParam("form_token", FormTokens.of(cookie)).formParam("text_default", "Thank you")
                .post("/dashboard/wave-actions/" + waveId + "/feedback").then().statusCode(303);
        assertTrue(panel.value("select feedback_sent_at from waves where id = ?", Long.parseLong(waveId)) != null);
        String twice = given().redirects().follow(false).cookie(DashboardCookieMechanism.COOKIE, cookie)
                .contentType("application/x-www-form-urlencoded").formParam("lang", "en").formParam("form_token", FormTokens.of(cookie))
                .formParam("text_default", "Again").post("/dashboard/wave-actions/" + waveId + "/feedback").then().statusCode(409)
                .extract().asString();
        assertTrue(twice.contains("has had its feedback message"), "a clear page, nothing sent twice");
    }

    @Test
    void badForms_areRefusedWithAClearPage_andChangeNothing() throws Exception {
        String cookie = DashboardLogins.login(ApiTokensForTests.token("coordinator"));
        Map<String, String> noName = Map.of("lang", "en", "name", "", "survey", "toegang_tot_werk", "form_token", FormTokens.of(cookie));
        assertTrue(post(cookie, noName, "preview").then().statusCode(400).extract().asString().contains("form-error"));
        Map<String, String> badHours = Map.of("lang", "en", "name", "x", "survey", "toegang_tot_werk", "reminders", "soon",
                "form_token", FormTokens.of(cookie));
        assertTrue(post(cookie, badHours, "preview").then().statusCode(400).extract().asString().contains("whole hours"));
        Map<String, String> badAttribute = Map.of("lang", "en", "name", "x", "survey", "toegang_tot_werk", "attributes", "<b>region",
                "form_token", FormTokens.of(cookie));
        String page = post(cookie, badAttribute, "preview").then().statusCode(400).extract().asString();
        assertTrue(page.contains("&lt;b&gt;region"), "escaped");
        Map<String, String> noToken = Map.of("lang", "en", "name", "x", "survey", "toegang_tot_werk");
        post(cookie, noToken, "launch").then().statusCode(403);
        ApiTokensForTests.as("researcher").get("/dashboard/waves/new").then().statusCode(403);
        given().redirects().follow(false).get("/dashboard/waves/new").then().statusCode(303);
    }

    private static Response post(String cookie, Map<String, String> fields, String action) {
        var spec = given().redirects().follow(false).cookie(DashboardCookieMechanism.COOKIE, cookie)
                .contentType("application/x-www-form-urlencoded").formParam("action", action);
        for (Map.Entry<String, String> f : fields.entrySet()) {
            spec = spec.formParam(f.getKey(), f.getValue());
        }
        return spec.post("/dashboard/waves/new");
    }
}
