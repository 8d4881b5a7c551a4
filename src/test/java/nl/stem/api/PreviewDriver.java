package nl.stem.api;

import static io.restassured.RestAssured.given;

import java.io.File;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

/** Takes a survey in the browser preview over its JSON API, as a respondent would (answers go through the conversation service). */
public final class PreviewDriver {
    public final String token;

    private PreviewDriver(String token) {
        this.token = token;
    }

    public static PreviewDriver start(String survey, String language) {
        String token = given().contentType(ContentType.JSON).body(Map.of("survey", survey, "language", language))
                .post("/try/api/conversations").then().statusCode(201).extract().path("token");
        return new PreviewDriver(token);
    }

    public PreviewDriver type(String text) {
        given().contentType(ContentType.JSON).body(Map.of("id", UUID.randomUUID().toString(), "text", text))
                .post("/try/api/conversations/" + token + "/messages").then().statusCode(200);
        return this;
    }

    public PreviewDriver tap(String payload) {
        given().contentType(ContentType.JSON).body(Map.of("id", UUID.randomUUID().toString(), "payload", payload))
                .post("/try/api/conversations/" + token + "/messages").then().statusCode(200);
        return this;
    }

    public PreviewDriver upload(File file, String contentType) {
        given().multiPart("id", UUID.randomUUID().toString()).multiPart("file", file, contentType)
                .post("/try/api/conversations/" + token + "/media").then().statusCode(200);
        return this;
    }

    public String status() {
        return given().get("/try/api/conversations/" + token + "/messages?after=0").then().statusCode(200)
                .extract().path("status");
    }
}
