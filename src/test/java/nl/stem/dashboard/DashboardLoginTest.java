package nl.stem.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import nl.stem.api.ApiTokensForTests;
import nl.stem.api.auth.TokenHashes;

/** Logging in with an API token, the session cookie, logging out, expiry, revocation and roles. */
@QuarkusTest
class DashboardLoginTest {
    @Inject
    DataSource db;

    @Test
    void loginForm_isShownInDutchByDefaultAndInEnglishOnRequest() {
        given().get("/dashboard/login").then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("<html lang=\"nl\">")).body(containsString("Inloggen")).body(containsString("name=\"token\""));
        given().get("/dashboard/login?lang=en").then().statusCode(200).body(containsString("<html lang=\"en\">"))
                .body(containsString("Log in with your researcher, coordinator or admin API token"));
        given().header("Accept-Language", "en-US,en;q=0.8").get("/dashboard/login").then().body(containsString("<html lang=\"en\">"));
    }

    @Test
    void login_withCoordinatorToken_setsAStrictHttpOnlyCookieAndStoresOnlyItsHash() throws Exception {
        Response r = DashboardLogins.post(ApiTokensForTests.token("coordinator"), null);
        assertEquals(303, r.statusCode());
        assertTrue(r.header("Location").endsWith("/dashboard?lang=nl"), r.header("Location"));
        String setCookie = r.header("Set-Cookie");
        assertTrue(setCookie.startsWith(DashboardCookieMechanism.COOKIE + "="), setCookie);
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=strict"), setCookie);
        assertTrue(setCookie.contains("Path=/;") || setCookie.endsWith("Path=/"), "sent with the pages' /api/ links too: " + setCookie);
        assertFalse(setCookie.contains("Secure"), "plain http in tests: " + setCookie);
        String id = r.getCookie(DashboardCookieMechanism.COOKIE);
        assertTrue(id.matches("[A-Za-z0-9_-]{43}"), id);

        assertEquals(1, count("select count(*) from dashboard_sessions where id_hash = ?", TokenHashes.hash(id)));
        assertEquals(0, count("select count(*) from dashboard_sessions where id_hash = ?", id));
        given().cookie(DashboardCookieMechanism.COOKIE, id).get("/dashboard").then().statusCode(200)
                .body(containsString("Rondes")).body(containsString("test-coordinator"));
        // Of the API the cookie opens what a page links to (a GET), never a change: that needs a bearer token.
        given().cookie(DashboardCookieMechanism.COOKIE, id).get("/api/waves").then().statusCode(200);
        given().cookie(DashboardCookieMechanism.COOKIE, id).contentType(ContentType.JSON).body("{}").post("/api/waves/preview")
                .then().statusCode(401);
        given().cookie(DashboardCookieMechanism.COOKIE, id).delete("/api/members/nobody").then().statusCode(401);
    }

    @Test
    void login_withAdminToken_works_butTheBootstrapTokenIsRefused() {
        String[] admin = DashboardLogins.newToken("dash-admin", "admin");
        String cookie = DashboardLogins.login(admin[1]);
        given().cookie(DashboardCookieMechanism.COOKIE, cookie).get("/dashboard?lang=en").then().statusCode(200).body(containsString("Waves"));

        Response r = DashboardLogins.post(ApiTokensForTests.BOOTSTRAP, null);
        assertEquals(403, r.statusCode());
        assertNull(r.getCookie(DashboardCookieMechanism.COOKIE));
        assertTrue(r.asString().contains("bootstrap"), r.asString());
    }

    @Test
    void login_withEmptyWrongOrResearcherToken_showsTheFormAgainWithoutACookie() {
        Response empty = DashboardLogins.post("", null);
        assertEquals(400, empty.statusCode());
        assertTrue(empty.asString().contains("id=\"login-error\""));
        assertTrue(empty.asString().contains("Vul je API-token in."));
        assertNull(empty.getCookie(DashboardCookieMechanism.COOKIE));

        Response blank = DashboardLogins.post("   ", null);
        assertEquals(400, blank.statusCode());

        for (String wrong : List.of("stem_not-a-real-token", "x".repeat(300), "' or 1=1 --")) {
            Response r = DashboardLogins.post(wrong, null);
            assertEquals(401, r.statusCode(), wrong.substring(0, Math.min(30, wrong.length())));
            assertTrue(r.asString().contains("Dit token is niet geldig."), r.asString());
            assertNull(r.getCookie(DashboardCookieMechanism.COOKIE));
            assertFalse(r.asString().contains("revoked") || r.asString().contains("unknown"), "no detail on why");
        }

        // Beyond the form field limit (2 KB) the server refuses the body itself.
        Response huge = DashboardLogins.post("x".repeat(5000), null);
        assertEquals(413, huge.statusCode());
        assertNull(huge.getCookie(DashboardCookieMechanism.COOKIE));

        // A researcher signs in too, and lands on the results (the wave pages are the coordinator's).
        Response researcher = DashboardLogins.post(ApiTokensForTests.token("researcher"), null);
        assertEquals(303, researcher.statusCode());
        assertTrue(researcher.getHeader("Location").contains("/dashboard/results"), researcher.getHeader("Location"));
        assertNotNull(researcher.getCookie(DashboardCookieMechanism.COOKIE));
    }

    @Test
    void login_withoutFormBody_isRefusedPolitely() {
        given().redirects().follow(false).contentType(ContentType.URLENC).post("/dashboard/login").then().statusCode(400)
                .body(containsString("login-error"));
    }

    @Test
    void pages_withoutLogin_redirectToTheLoginForm_whileJsonAnswers401() {
        given().redirects().follow(false).get("/dashboard/waves/5?by=region&lang=en").then().statusCode(303)
                .header("Location", containsString("/dashboard/login?lang=en&next=%2Fdashboard%2Fwaves%2F5%3Fby%3Dregion%26lang%3Den"));
        given().redirects().follow(false).get("/dashboard").then().statusCode(303).header("Location", containsString("/dashboard/login"));
        given().get("/dashboard/waves/5/stats.json").then().statusCode(401).contentType(ContentType.JSON)
                .body("code", equalTo("unauthorized"));
        given().redirects().follow(false).cookie(DashboardCookieMechanism.COOKIE, "made-up").get("/dashboard").then().statusCode(303);
        given().cookie(DashboardCookieMechanism.COOKIE, "made-up").get("/dashboard/waves/5/stats.json").then().statusCode(401);
    }

    @Test
    void login_withNext_returnsThere_butNeverToAnotherSite() {
        assertTrue(DashboardLogins.post(ApiTokensForTests.token("coordinator"), "/dashboard/waves/12?by=region").header("Location")
                .endsWith("/dashboard/waves/12?by=region&lang=nl"), "the form's language goes along");
        assertTrue(DashboardLogins.post(ApiTokensForTests.token("coordinator"), "/dashboard/waves/12?lang=en").header("Location")
                .endsWith("/dashboard/waves/12?lang=en"));
        for (String evil : List.of("https://evil.example/", "//evil.example/dashboard", "/dashboard/../try", "/dashboardx",
                "/dashboard\\@evil.example")) {
            String location = DashboardLogins.post(ApiTokensForTests.token("coordinator"), evil).header("Location");
            assertTrue(location.endsWith("/dashboard?lang=nl"), evil + " -> " + location);
        }
    }

    @Test
    void bearerTokens_openPagesToo_researchersGet403() {
        ApiTokensForTests.as("coordinator").get("/dashboard").then().statusCode(200).body(containsString("Rondes"));
        ApiTokensForTests.as("researcher").redirects().follow(false).get("/dashboard").then().statusCode(403)
                .contentType(ContentType.HTML).body(containsString("Met jouw rol kun je het dashboard niet openen."));
        ApiTokensForTests.as("researcher").get("/dashboard/waves/5/stats.json").then().statusCode(403)
                .contentType(ContentType.JSON).body("code", equalTo("forbidden"));
        given().auth().oauth2("stem_wrong").redirects().follow(false).get("/dashboard").then().statusCode(303);
    }

    @Test
    void logout_endsTheSessionAndClearsTheCookie() throws Exception {
        String cookie = DashboardLogins.login(ApiTokensForTests.token("coordinator"));
        // Another site's form, without the session's form token, logs no one out.
        given().redirects().follow(false).cookie(DashboardCookieMechanism.COOKIE, cookie).formParam("form_token", "forged")
                .post("/dashboard/logout").then().statusCode(403).contentType(ContentType.HTML);
        assertEquals(1, count("select count(*) from dashboard_sessions where id_hash = ?", TokenHashes.hash(cookie)));
        Response out = given().redirects().follow(false).cookie(DashboardCookieMechanism.COOKIE, cookie)
                .formParam("form_token", FormTokens.of(cookie)).post("/dashboard/logout");
        assertEquals(303, out.statusCode());
        assertTrue(out.header("Location").contains("/dashboard/login"));
        assertTrue(out.header("Set-Cookie").contains("Max-Age=0"), out.header("Set-Cookie"));
        assertEquals(0, count("select count(*) from dashboard_sessions where id_hash = ?", TokenHashes.hash(cookie)));
        given().redirects().follow(false).cookie(DashboardCookieMechanism.COOKIE, cookie).get("/dashboard").then().statusCode(303);
        // Logging out twice, or without a cookie, is harmless.
        given().redirects().follow(false).post("/dashboard/logout").then().statusCode(303);
    }

    @Test
    void expiredSession_isRefused_andASessionUsedLateInItsLifeIsRenewed() throws Exception {
        String cookie = DashboardLogins.login(ApiTokensForTests.token("coordinator"));
        String hash = TokenHashes.hash(cookie);

        setExpiry(hash, Instant.now().plus(Duration.ofHours(1)));
        given().cookie(DashboardCookieMechanism.COOKIE, cookie).get("/dashboard").then().statusCode(200);
        Instant renewed = expiry(hash);
        assertTrue(renewed.isAfter(Instant.now().plus(Duration.ofHours(11))), "renewed for 12 h: " + renewed);

        setExpiry(hash, Instant.now().minusSeconds(1));
        given().redirects().follow(false).cookie(DashboardCookieMechanism.COOKIE, cookie).get("/dashboard").then().statusCode(303)
                .header("Location", containsString("/dashboard/login"));
        given().cookie(DashboardCookieMechanism.COOKIE, cookie).get("/dashboard/waves/1/stats.json").then().statusCode(401);
        // A later login drops expired sessions.
        DashboardLogins.login(ApiTokensForTests.token("coordinator"));
        assertEquals(0, count("select count(*) from dashboard_sessions where id_hash = ?", hash));
    }

    @Test
    void revokedToken_endsItsSessions() {
        String[] token = DashboardLogins.newToken("dash-revoked", "coordinator");
        String cookie = DashboardLogins.login(token[1]);
        given().cookie(DashboardCookieMechanism.COOKIE, cookie).get("/dashboard").then().statusCode(200);
        given().auth().oauth2(ApiTokensForTests.BOOTSTRAP).delete("/api/tokens/" + token[0]).then().statusCode(200);
        given().redirects().follow(false).cookie(DashboardCookieMechanism.COOKIE, cookie).get("/dashboard").then().statusCode(303);
    }

    @Test
    void loginIsAudited_withoutTheToken() {
        String[] token = DashboardLogins.newToken("dash-audited", "coordinator");
        DashboardLogins.login(token[1]);
        String audit = given().auth().oauth2(ApiTokensForTests.BOOTSTRAP).get("/api/audit?limit=20").asString();
        assertTrue(audit.contains("dashboard.login"), audit);
        assertTrue(audit.contains("dash-audited"));
        assertFalse(audit.contains(token[1]));
    }

    @Test
    void cookieSession_servesTheJson() {
        String cookie = DashboardLogins.login(ApiTokensForTests.token("coordinator"));
        WaveFixture w = WaveFixture.create(db, "veiligheid_en_stabiliteit", "Json");
        w.member().whatsapp("ar").invite("sent", "read").add();
        given().cookie(DashboardCookieMechanism.COOKIE, cookie).get("/dashboard/waves/" + w.waveId + "/stats.json").then()
                .statusCode(200).contentType(ContentType.JSON).header("Cache-Control", containsString("no-store"))
                .body("funnel.invited", equalTo(1)).body("cases.nonContact", equalTo(1)).body("rates.rr1", equalTo(0.0f))
                .body("wave.name", equalTo("Json")).body(not(containsString("whatsapp-")));
        assertNotNull(cookie);
    }

    private long count(String sql, String param) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void setExpiry(String hash, Instant at) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("update dashboard_sessions set expires_at = ? where id_hash = ?")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, hash);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private Instant expiry(String hash) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("select expires_at from dashboard_sessions where id_hash = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1).toInstant();
            }
        }
    }
}
