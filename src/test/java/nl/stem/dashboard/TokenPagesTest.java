package nl.stem.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import nl.stem.api.ApiTokensForTests;

/**
 * An admin manages tokens in the browser through the same service as {@code /api/tokens}: a new
 * token's secret is in that one answer (and not cached), it signs in with its role, the list never
 * shows secrets, and revoking it ends its sessions. Other roles, forms without their token and bad
 * input change nothing.
 */
@QuarkusTest
class TokenPagesTest {

    @Test
    void admin_createsListsAndRevokes() {
        String admin = DashboardLogins.login(DashboardLogins.newToken("admin-" + System.nanoTime(), "admin")[1]);
        String name = "anna-" + System.nanoTime();
        Response created = form(admin, FormTokens.of(admin)).formParam("name", name).formParam("role", "researcher")
                .post("/dashboard/tokens");
        assertEquals(201, created.statusCode(), created.asString());
        assertEquals("no-store", created.header("Cache-Control"));
        String page = created.asString();
        String secret = page.replaceAll("(?s).*<code id=\"new-secret\" class=\"secret\">([^<]+)</code>.*", "$1");
        assertTrue(secret.startsWith("stem_"), secret);

        String anna = DashboardLogins.login(secret);
        given().cookie(DashboardCookieMechanism.COOKIE, anna).get("/dashboard/results?lang=en").then().statusCode(200);
        given().cookie(DashboardCookieMechanism.COOKIE, anna).get("/dashboard/tokens").then().statusCode(403);

        String list = given().cookie(DashboardCookieMechanism.COOKIE, admin).get("/dashboard/tokens?lang=en").then().statusCode(200)
                .extract().asString();
        assertTrue(list.contains(name), list);
        assertFalse(list.contains(secret), "the list never shows a secret");
        String id = list.replaceAll("(?s).*<tr data-key=\"(\\d+)\">\\s*<td data-label=\"Name \\(appears in the audit log\\)\">" + name + "<.*", "$1");
        assertTrue(id.matches("\\d+"), "the new token's row: " + id);

        form(admin, "stale").post("/dashboard/tokens/" + id + "/revoke").then().statusCode(403);
        given().cookie(DashboardCookieMechanism.COOKIE, anna).get("/dashboard/results?lang=en").then().statusCode(200);
        Response revoked = form(admin, FormTokens.of(admin)).post("/dashboard/tokens/" + id + "/revoke");
        assertEquals(303, revoked.statusCode());
        assertTrue(given().cookie(DashboardCookieMechanism.COOKIE, admin).get(revoked.getHeader("Location")).asString()
                .contains("Token " + name + " was revoked"));
        given().redirects().follow(false).cookie(DashboardCookieMechanism.COOKIE, anna).get("/dashboard/results").then().statusCode(303)
                .header("Location", containsString("/dashboard/login"));
    }

    @Test
    void otherRoles_staleForms_andBadInput_changeNothing() {
        String admin = DashboardLogins.login(DashboardLogins.newToken("admin-" + System.nanoTime(), "admin")[1]);
        String coordinator = DashboardLogins.login(ApiTokensForTests.token("coordinator"));
        given().cookie(DashboardCookieMechanism.COOKIE, coordinator).get("/dashboard/tokens").then().statusCode(403)
                .contentType(ContentType.HTML);
        form(coordinator, FormTokens.of(coordinator)).formParam("name", "sneaky").formParam("role", "admin").post("/dashboard/tokens")
                .then().statusCode(403);
        form(admin, null).formParam("name", "no-token").formParam("role", "admin").post("/dashboard/tokens").then().statusCode(403);
        String list = given().cookie(DashboardCookieMechanism.COOKIE, admin).get("/dashboard/tokens?lang=en").asString();
        assertFalse(list.contains("sneaky") || list.contains("no-token"), "nothing was created");

        form(admin, FormTokens.of(admin)).formParam("name", "").formParam("role", "admin").post("/dashboard/tokens").then().statusCode(400)
                .body(containsString("Give the token a"));
        form(admin, FormTokens.of(admin)).formParam("name", "x").formParam("role", "root").post("/dashboard/tokens").then().statusCode(400)
                .body(containsString("researcher, coordinator or admin"));
        form(admin, FormTokens.of(admin)).post("/dashboard/tokens/99999999/revoke").then().statusCode(404).contentType(ContentType.HTML);
        form(admin, FormTokens.of(admin)).post("/dashboard/tokens/abc/revoke").then().statusCode(404);
    }

    private static io.restassured.specification.RequestSpecification form(String cookie, String token) {
        var r = given().cookie(DashboardCookieMechanism.COOKIE, cookie).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("lang", "en");
        return token == null ? r : r.formParam("form_token", token);
    }
}
