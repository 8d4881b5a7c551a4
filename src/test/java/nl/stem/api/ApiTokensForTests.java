package nl.stem.api;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Role tokens for tests, created once per role through the admin API with the bootstrap token. */
public final class ApiTokensForTests {
    /** {@code %test.stem.api.bootstrap-token} in application.properties. */
    public static final String BOOTSTRAP = "test-admin-token";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private ApiTokensForTests() {
    }

    /** A token with the role ({@code admin} gives the bootstrap token). */
    public static String token(String role) {
        if (role.equals("admin")) {
            return BOOTSTRAP;
        }
        return TOKENS.computeIfAbsent(role, r -> given().auth().oauth2(BOOTSTRAP).contentType(ContentType.JSON)
                .body(Map.of("name", "test-" + r, "role", r))
                .post("/api/tokens").then().statusCode(201).extract().path("token"));
    }

    /** A request authenticated with a token of the role. */
    public static RequestSpecification as(String role) {
        return given().auth().oauth2(token(role));
    }

    public static RequestSpecification researcher() {
        return as("researcher");
    }
}
