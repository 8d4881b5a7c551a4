package nl.stem.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import nl.stem.api.ApiTokensForTests;

/** The server-rendered pages: the wave list and a wave's figures, in Dutch and English, and bad requests. */
@QuarkusTest
class DashboardPagesTest {
    @Inject
    DataSource db;

    private String cookie;

    @BeforeEach
    void logIn() {
        cookie = DashboardLogins.login(ApiTokensForTests.token("coordinator"));
    }

    private RequestSpecification coordinator() {
        return given().cookie(DashboardCookieMechanism.COOKIE, cookie).redirects().follow(false);
    }

    @Test
    void wavePage_showsTheFixtureFiguresInItsTables() {
        WaveFixture w = WaveStatsTest.everyCategory(db);
        String html = coordinator().get("/dashboard/waves/" + w.waveId).then().statusCode(200).contentType(ContentType.HTML)
                .extract().asString();

        assertEquals("23", Html.cell(html, "funnel", "invited", "count"));
        assertEquals("16", Html.cell(html, "funnel", "delivered", "count"));
        assertEquals("69,6%", Html.cell(html, "funnel", "delivered", "share"));
        assertEquals("10", Html.cell(html, "funnel", "started", "count"));
        assertEquals("3", Html.cell(html, "funnel", "completed", "count"));
        assertEquals("2", Html.cell(html, "cases", "complete", "count"));
        assertEquals("3", Html.cell(html, "cases", "partial", "count"));
        assertEquals("7", Html.cell(html, "cases", "refusal", "count"));
        assertEquals("4", Html.cell(html, "cases", "breakOffs", "count"));
        assertEquals("4", Html.cell(html, "cases", "nonContact", "count"));
        assertEquals("7", Html.cell(html, "cases", "unknown", "count"));
        assertEquals("8,7%", Html.cell(html, "rates", "rr1", "value"));
        assertEquals("21,7%", Html.cell(html, "rates", "rr2", "value"));
        assertEquals("16,7%", Html.cell(html, "rates", "coop1", "value"));
        assertEquals("40,0%", Html.cell(html, "rates", "breakOff", "value"));
        assertEquals("0:20:00", Html.cell(html, "rates", "median", "value"));
        assertEquals("13", Html.cell(html, "rates", "answers", "value"));
        assertEquals("2", Html.cell(html, "rates", "media", "value"));
        assertEquals(List.of("", "consent", "safe_area", "harassed", "moves", "old_question"), Html.rowKeys(html, "dropoff"));
        assertEquals("2", Html.cell(html, "dropoff", "moves", "members"));
        assertEquals("1", Html.cell(html, "dropoff", "moves", "inProgress"));
        assertEquals(List.of("safety", "stability", "rights_responsibilities"), Html.rowKeys(html, "domains"));
        assertEquals("7", Html.cell(html, "domains", "safety", "answers"));
        assertEquals("2", Html.cell(html, "domains", "safety", "media"));
        assertEquals(List.of("ar", "nl", "en", "ti", ""), Html.rowKeys(html, "by-language"));
        assertEquals(List.of("whatsapp", "telegram"), Html.rowKeys(html, "by-channel"));

        assertTrue(html.contains("Voltooiingspercentages van een opt-in-panel"));
        assertTrue(html.contains("minstens 80% → I (volledig), minstens 50% → P (gedeeltelijk)"), "thresholds stated");
        assertTrue(html.contains("RR1 = I / (I+P+R+NC+UO)"));
        assertTrue(html.contains("/webjars/echarts/dist/echarts.min.js"));
        assertTrue(html.contains("data-stats-url=\"/dashboard/waves/" + w.waveId + "/stats.json?lang=nl\""));
        assertTrue(html.contains("id=\"funnel-chart\""));
    }

    @Test
    void wavePage_inEnglish_writesEnglishNumbersAndTexts() {
        WaveFixture w = WaveStatsTest.everyCategory(db);
        String html = coordinator().get("/dashboard/waves/" + w.waveId + "?lang=en").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<html lang=\"en\">"));
        assertEquals("8.7%", Html.cell(html, "rates", "rr1", "value"));
        assertTrue(html.contains("Completion rates for an opt-in panel"));
        assertTrue(html.contains("at least 80% → I (complete), at least 50% → P (partial)"));
        assertTrue(html.contains("How safe do you feel in your neighbourhood?"), "drop-off question in English");
        String viaHeader = given().cookie(DashboardCookieMechanism.COOKIE, cookie).header("Accept-Language", "en-GB")
                .get("/dashboard/waves/" + w.waveId).asString();
        assertTrue(viaHeader.contains("<html lang=\"en\">"));
    }

    @Test
    void wavePage_byAttribute_addsTheBreakdownAndOffersTheAttributes() {
        WaveFixture w = WaveFixture.create(db, "veiligheid_en_stabiliteit", "Regions");
        w.member().whatsapp("ar").attribute("region", "Utrecht").invite("sent", "read").session("completed", 5, 5, null).took(Duration.ofMinutes(5)).add();
        w.member().telegram("nl").attribute("region", "Amsterdam").invite("sent", null).add();
        w.member().telegram("nl").attribute("age_group", "18-25").invite("sent", null).add();

        String html = coordinator().get("/dashboard/waves/" + w.waveId + "?by=region").then().statusCode(200).extract().asString();
        assertEquals(List.of("Amsterdam", "Utrecht", ""), Html.rowKeys(html, "by-attribute"));
        assertEquals("100,0%", Html.cell(html, "by-attribute", "Utrecht", "rr1"));
        assertTrue(html.contains("<option value=\"region\" selected>region</option>"));
        assertTrue(html.contains("<option value=\"age_group\" >age_group</option>"));
        assertTrue(html.contains("Per region"));
        assertTrue(html.contains("stats.json?lang=nl&amp;by=region"));

        String without = coordinator().get("/dashboard/waves/" + w.waveId + "?by=").then().statusCode(200).extract().asString();
        assertFalse(without.contains("id=\"by-attribute\""));
    }

    @Test
    void waveList_showsInvitedCompletedAndRr1PerWave() {
        WaveFixture w = WaveStatsTest.everyCategory(db);
        String html = coordinator().get("/dashboard").then().statusCode(200).extract().asString();
        assertEquals("23", Html.cell(html, "waves", String.valueOf(w.waveId), "invited"));
        assertEquals("3", Html.cell(html, "waves", String.valueOf(w.waveId), "completed"));
        assertEquals("8,7%", Html.cell(html, "waves", String.valueOf(w.waveId), "rr1"));
        assertTrue(html.contains("href=\"/dashboard/waves/" + w.waveId + "?lang=nl\""));
        assertTrue(html.contains("Veiligheid en stabiliteit"));
    }

    @Test
    void unknownWave_is404_andABadAttribute400_asPagesAndAsJson() {
        WaveFixture w = WaveStatsTest.everyCategory(db);
        coordinator().get("/dashboard/waves/987654321").then().statusCode(404).contentType(ContentType.HTML)
                .body(containsString("Pagina niet gevonden"));
        coordinator().get("/dashboard/waves/not-a-number").then().statusCode(404);
        coordinator().get("/dashboard/waves/99999999999999999999999").then().statusCode(404);
        coordinator().get("/dashboard/waves/987654321/stats.json").then().statusCode(404).contentType(ContentType.JSON)
                .body("code", equalTo("wave_not_found"));

        coordinator().get("/dashboard/waves/" + w.waveId + "?by=Region!").then().statusCode(400).contentType(ContentType.HTML)
                .body(containsString("attribute name"));
        coordinator().get("/dashboard/waves/" + w.waveId + "?by=" + "a".repeat(41)).then().statusCode(400);
        coordinator().get("/dashboard/waves/" + w.waveId + "?by=region").then().statusCode(400)
                .body(containsString("No member of this wave has the attribute"));
        coordinator().get("/dashboard/waves/" + w.waveId + "/stats.json?by=x%27%3B--").then().statusCode(400)
                .contentType(ContentType.JSON).body("code", equalTo("bad_attribute"));
        coordinator().get("/dashboard/waves/" + w.waveId + "/stats.json?by=region").then().statusCode(400)
                .body("code", equalTo("unknown_attribute"));
    }

    @Test
    void userData_isEscapedInPages() {
        WaveFixture w = WaveFixture.create(db, "veiligheid_en_stabiliteit", "<script>alert(1)</script>");
        w.member().whatsapp("ar").attribute("region", "<img src=x onerror=alert(2)>").invite("sent", "read").add();
        String html = coordinator().get("/dashboard/waves/" + w.waveId + "?by=region").then().statusCode(200).extract().asString();
        assertFalse(html.contains("<script>alert(1)"));
        assertFalse(html.contains("<img src=x"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void assets_areServed_echartsFromItsWebjar() {
        given().get("/webjars/echarts/dist/echarts.min.js").then().statusCode(200).body(containsString("echarts"));
        given().get("/dashboard-assets/dashboard.js").then().statusCode(200).body(containsString("statsUrl"));
        given().get("/dashboard-assets/dashboard.css").then().statusCode(200).body(containsString(".table-scroll"));
    }

    @Test
    void statsJson_givesTheSameFiguresAsThePage() {
        WaveFixture w = WaveStatsTest.everyCategory(db);
        coordinator().get("/dashboard/waves/" + w.waveId + "/stats.json?lang=en").then().statusCode(200)
                .body("funnel.invited", equalTo(23)).body("funnel.delivered", equalTo(16))
                .body("cases.complete", equalTo(2)).body("cases.unknown", equalTo(7)).body("cases.breakOffs", equalTo(4))
                .body("thresholds.partial", equalTo(0.5f)).body("thresholds.complete", equalTo(0.8f))
                .body("medianCompletionSeconds", equalTo(1200.0f))
                .body("dropOff[0].questionId", equalTo(null)).body("dropOff[2].label", equalTo("How safe do you feel in your neighbourhood?"))
                .body("domains[0].name", equalTo("Safety")).body("answers", equalTo(13)).body("mediaAnswers", equalTo(2));
    }
}
