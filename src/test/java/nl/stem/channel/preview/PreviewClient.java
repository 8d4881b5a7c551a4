package nl.stem.channel.preview;

import static io.restassured.RestAssured.given;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Drives a preview conversation over HTTP as the page's script does, and remembers what it saw. */
final class PreviewClient {
    final String token;
    final List<Map<String, Object>> seen = new ArrayList<>();
    private long lastId;

    private PreviewClient(String token, List<Map<String, Object>> first) {
        this.token = token;
        record(first);
    }

    static PreviewClient start(String survey, String language) {
        JsonPath body = given().contentType(ContentType.JSON)
                .body(language == null ? Map.of("survey", survey) : Map.of("survey", survey, "language", language))
                .when().post("/try/api/conversations")
                .then().statusCode(201).extract().jsonPath();
        return new PreviewClient(body.getString("token"), body.getList("messages"));
    }

    /** Types text; returns the messages it produced. */
    List<Map<String, Object>> type(String text) {
        return send(Map.of("id", UUID.randomUUID().toString(), "text", text));
    }

    /** Taps a button by payload. */
    List<Map<String, Object>> tap(String payload) {
        return send(Map.of("id", UUID.randomUUID().toString(), "payload", payload));
    }

    List<Map<String, Object>> send(Map<String, String> body) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/try/api/conversations/" + token + "/messages")
                .then().statusCode(200);
        return poll();
    }

    List<Map<String, Object>> upload(File file, String contentType) {
        given().multiPart("id", UUID.randomUUID().toString()).multiPart("file", file, contentType)
                .when().post("/try/api/conversations/" + token + "/media")
                .then().statusCode(200);
        return poll();
    }

    List<Map<String, Object>> poll() {
        JsonPath body = given().when().get("/try/api/conversations/" + token + "/messages?after=" + lastId)
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> messages = body.getList("messages");
        record(messages);
        return messages;
    }

    String status() {
        return given().when().get("/try/api/conversations/" + token + "/messages?after=" + lastId)
                .then().statusCode(200).extract().jsonPath().getString("status");
    }

    /** The most recent message that asks a question. */
    Map<String, Object> currentQuestion() {
        for (int i = seen.size() - 1; i >= 0; i--) {
            Map<String, Object> m = seen.get(i);
            if (m.get("questionId") != null && "question".equals(m.get("kind"))) {
                return m;
            }
        }
        throw new AssertionError("No question asked yet; seen: " + seen);
    }

    String currentQuestionId() {
        return (String) currentQuestion().get("questionId");
    }

    private void record(List<Map<String, Object>> messages) {
        for (Map<String, Object> m : messages) {
            seen.add(m);
            lastId = Math.max(lastId, ((Number) m.get("id")).longValue());
        }
    }
}
