package nl.stem.dashboard;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import nl.stem.api.ApiTokensForTests;

/** Logs in to the dashboard over HTTP and makes extra tokens, for tests. Example: {@code String cookie = DashboardLogins.login(token)}. */
final class DashboardLogins {
    private DashboardLogins() {
    }

    /** POST /dashboard/login, without following the redirect. */
    static Response post(String token, String next) {
        var spec = given().redirects().follow(false).contentType(ContentType.URLENC).formParam("token", token == null ? "" : token);
        if (next != null) {
            spec = spec.formParam("next", next);
        }
        return spec.post("/dashboard/login");
    }

    /** The session cookie's value after a successful login. */
    static String login(String token) {
        Response r = post(token, null);
        if (r.statusCode() != 303) {
            throw new AssertionError("login gave " + r.statusCode() + ": " + r.asString());
        }
        return r.getCookie(DashboardCookieMechanism.COOKIE);
    }

    /** A new token of the role, made by the bootstrap admin; gives {id, secret}. */
    static String[] newToken(String name, String role) {
        Response r = given().auth().oauth2(ApiTokensForTests.BOOTSTRAP).contentType(ContentType.JSON)
                .body(Map.of("name", name, "role", role)).post("/api/tokens");
        if (r.statusCode() != 201) {
            throw new AssertionError("token creation gave " + r.statusCode());
        }
        return new String[] {String.valueOf(r.jsonPath().getLong("id")), r.jsonPath().getString("token")};
    }
}
