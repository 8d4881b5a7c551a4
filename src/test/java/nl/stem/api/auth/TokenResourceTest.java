package nl.stem.api.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import nl.stem.api.ApiTokensForTests;

@QuarkusTest
class TokenResourceTest {
    @Inject
    DataSource db;

    @Test
    void createToken_whenAdmin_showsTokenOnceAndStoresOnlyItsHash() throws Exception {
        var created = given().auth().oauth2(ApiTokensForTests.BOOTSTRAP).contentType(ContentType.JSON)
                .body(Map.of("name", "anna", "role", "researcher"))
                .post("/api/tokens").then().statusCode(201)
                .body("role", equalTo("researcher"))
                .body("token", matchesPattern("stem_[A-Za-z0-9_-]{43}"))
                .extract().jsonPath();
        String token = created.getString("token");
        long id = created.getLong("id");

        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select token_hash, created_by from api_tokens where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(TokenHashes.hash(token), rs.getString(1));
                assertEquals("bootstrap-admin", rs.getString(2));
            }
        }
        String listing = given().auth().oauth2(ApiTokensForTests.BOOTSTRAP).get("/api/tokens")
                .then().statusCode(200).body("name", hasItem("anna")).extract().asString();
        assertFalse(listing.contains(token), "the list never shows secrets");
        assertFalse(listing.contains(TokenHashes.hash(token)), "nor hashes");

        // the new token works for researcher endpoints, not for admin ones
        given().auth().oauth2(token).get("/api/surveys").then().statusCode(200);
        given().auth().oauth2(token).get("/api/tokens").then().statusCode(403).body("code", equalTo("forbidden"));

        given().auth().oauth2(ApiTokensForTests.BOOTSTRAP).delete("/api/tokens/" + id)
                .then().statusCode(200).body("revokedAt", notNullValue());
        given().auth().oauth2(token).get("/api/surveys").then().statusCode(401).body("code", equalTo("unauthorized"));

        String audit = given().auth().oauth2(ApiTokensForTests.BOOTSTRAP).get("/api/audit?limit=20")
                .then().statusCode(200).body("entries.action", hasItem("token.revoke"))
                .body("entries.action", hasItem("token.create")).extract().asString();
        assertFalse(audit.contains(token), "no secrets in the audit log");
    }

    @Test
    void createToken_whenRoleUnknown_is400() {
        given().auth().oauth2(ApiTokensForTests.BOOTSTRAP).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "role", "superuser"))
                .post("/api/tokens").then().statusCode(400).body("code", equalTo("bad_role"));
    }

    @Test
    void revoke_whenUnknownId_is404() {
        given().auth().oauth2(ApiTokensForTests.BOOTSTRAP).delete("/api/tokens/987654321")
                .then().statusCode(404).body("code", equalTo("token_not_found"));
    }

    @Test
    void request_whenAuthorizationIsNotBearer_is401WithProblem() {
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/tokens")
                .then().statusCode(401).contentType(ContentType.JSON).body("status", equalTo(401))
                .header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void coordinatorToken_isRefusedOnResearcherEndpoints() {
        ApiTokensForTests.as("coordinator").get("/api/surveys").then().statusCode(403)
                .body("message", not(equalTo("")));
    }
}
