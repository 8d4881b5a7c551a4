package nl.stem.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every API endpoint with no token, a bad token, each wrong role and each right role. A right role
 * gets past security: the answer is the endpoint's own (200, or a 4xx about the request itself).
 */
@QuarkusTest
class EndpointSecurityTest {
    static final String R = "researcher";
    static final String C = "coordinator";
    static final String A = "admin";
    static final String EXPORT = "?survey=veiligheid_en_stabiliteit";

    /** method, path, body (or null), allowed roles, the status a right role gets. */
    static Stream<Arguments> endpoints() {
        String noSurvey = "{\"translations\":{}}";
        return Stream.of(
                Arguments.of("POST", "/api/tokens", "{\"name\":\"sec\",\"role\":\"nobody\"}", Set.of(A), 400),
                Arguments.of("GET", "/api/tokens", null, Set.of(A), 200),
                Arguments.of("DELETE", "/api/tokens/987654321", null, Set.of(A), 404),
                Arguments.of("GET", "/api/audit?limit=1", null, Set.of(A), 200),
                Arguments.of("POST", "/api/surveys/validate", noSurvey, Set.of(R, A), 400),
                Arguments.of("POST", "/api/surveys", noSurvey, Set.of(R, A), 400),
                Arguments.of("GET", "/api/surveys", null, Set.of(R, A), 200),
                Arguments.of("GET", "/api/surveys/toegang_tot_werk/versions", null, Set.of(R, A), 200),
                Arguments.of("GET", "/api/surveys/toegang_tot_werk/versions/1", null, Set.of(R, A), 200),
                Arguments.of("GET", "/api/surveys/toegang_tot_werk/diff?from=1&to=1", null, Set.of(R, A), 200),
                Arguments.of("GET", "/api/surveys/toegang_tot_werk/translations", null, Set.of(R, A), 200),
                Arguments.of("GET", "/api/surveys/toegang_tot_werk/translations/ar.po", null, Set.of(R, A), 200),
                Arguments.of("POST", "/api/surveys/no_such_survey/retire", null, Set.of(R, A), 404),
                Arguments.of("GET", "/api/exports/long.csv" + EXPORT, null, Set.of(R, A), 200),
                Arguments.of("GET", "/api/exports/wide.csv" + EXPORT, null, Set.of(R, A), 200),
                Arguments.of("GET", "/api/exports/codebook.json" + EXPORT, null, Set.of(R, A), 200),
                Arguments.of("GET", "/api/exports/codebook.csv" + EXPORT, null, Set.of(R, A), 200),
                Arguments.of("GET", "/api/exports/codebook.html" + EXPORT, null, Set.of(R, A), 200),
                Arguments.of("GET", "/api/exports/wide.sps" + EXPORT, null, Set.of(R, A), 200),
                Arguments.of("GET", "/api/exports/wide.do" + EXPORT, null, Set.of(R, A), 200),
                Arguments.of("GET", "/api/exports/flow-results/datapackage.json" + EXPORT, null, Set.of(R, A), 200),
                Arguments.of("GET", "/api/exports/flow-results/responses.json" + EXPORT, null, Set.of(R, A), 200),
                Arguments.of("GET", "/api/exports/flow-results.zip" + EXPORT, null, Set.of(R, A), 200),
                Arguments.of("GET", "/api/media" + EXPORT, null, Set.of(R, A), 200),
                Arguments.of("GET", "/api/media/00000000-0000-4000-8000-000000000000", null, Set.of(R, A), 404),
                Arguments.of("POST", "/api/members/import", null, Set.of(C, A), 415),
                Arguments.of("GET", "/api/members?limit=1", null, Set.of(C, A), 200),
                Arguments.of("GET", "/api/members/no-such-member", null, Set.of(C, A), 404),
                Arguments.of("DELETE", "/api/members/no-such-member", null, Set.of(C, A), 404),
                Arguments.of("GET", "/api/members/no-such-member/record", null, Set.of(C, A), 404),
                Arguments.of("GET", "/api/members/no-such-member/record.zip", null, Set.of(C, A), 404),
                Arguments.of("GET", "/api/retention", null, Set.of(C, A), 200),
                Arguments.of("GET", "/api/waves", null, Set.of(C, A), 200),
                Arguments.of("GET", "/api/waves/987654321", null, Set.of(C, A), 404),
                Arguments.of("POST", "/api/waves/987654321/close", null, Set.of(C, A), 404),
                Arguments.of("GET", "/api/waves/987654321/links.csv", null, Set.of(C, A), 404),
                Arguments.of("POST", "/api/waves", "{}", Set.of(C, A), 400),
                Arguments.of("GET", "/dashboard/waves/987654321/stats.json", null, Set.of(C, A), 404));
    }

    static Response call(RequestSpecification spec, String method, String path, String body) {
        if (body != null) {
            spec = spec.contentType(ContentType.JSON).body(body);
        }
        return spec.request(method, path);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void endpoint_refusesMissingBadAndWrongTokens_andServesTheRightRoles(String method, String path, String body,
                                                                          Set<String> roles, int rightStatus) {
        call(given(), method, path, body).then().statusCode(401).contentType(ContentType.JSON)
                .body("status", equalTo(401)).body("code", equalTo("unauthorized"));
        call(given().auth().oauth2("stem_not-a-real-token"), method, path, body).then().statusCode(401)
                .contentType(ContentType.JSON).body("code", equalTo("unauthorized"));
        call(given().header("Authorization", "Bearer"), method, path, body).then().statusCode(401);
        for (String role : List.of("researcher", "coordinator", "admin")) {
            Response r = call(ApiTokensForTests.as(role), method, path, body);
            if (roles.contains(role)) {
                assertEquals(rightStatus, r.statusCode(), role + " " + method + " " + path + ": " + r.asString());
            } else {
                r.then().statusCode(403).contentType(ContentType.JSON).body("status", equalTo(403))
                        .body("code", equalTo("forbidden"));
            }
        }
    }

    @Test
    void openApi_describesTheApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/exports/long.csv"))
                .body(containsString("/api/surveys/{id}/diff"))
                .body(containsString("Long CSV: one row per answer"));
    }
}
