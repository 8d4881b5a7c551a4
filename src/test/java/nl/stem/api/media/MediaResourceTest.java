package nl.stem.api.media;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import nl.stem.api.ApiTokensForTests;
import nl.stem.api.PreviewDriver;
import nl.stem.api.PublishedForTests;
import nl.stem.conversation.ConversationService;
import nl.stem.conversation.Inbound;
import nl.stem.engine.Input;
import nl.stem.survey.model.MediaKind;
import nl.stem.survey.model.MediaRef;

@QuarkusTest
class MediaResourceTest {
    @Inject
    DataSource db;
    @Inject
    ConversationService conversations;

    /** A one-question audio survey, published for the test. */
    static String audioSurvey() {
        String id = PublishedForTests.remember("t_media_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
        String yaml = """
                id: %s
                title: Spraak
                source_language: nl
                languages: [nl]
                open_to_anyone: true
                questions:
                  - id: story
                    type: audio
                    text: "Vertel het in een spraakbericht."
                    ioi: [work]
                """.formatted(id);
        ApiTokensForTests.researcher().contentType(ContentType.JSON)
                .body(Map.of("survey", Map.of("file", id + ".yaml", "content", yaml), "translations", Map.of()))
                .post("/api/surveys").then().statusCode(201);
        return id;
    }

    @AfterEach
    void retireTestSurveys() {
        PublishedForTests.retireAll();
    }

    @Test
    void media_whenUploadedInThePreview_isListedAndPlayableWithRanges() throws Exception {
        String survey = audioSurvey();
        byte[] bytes = new byte[5000];
        Arrays.fill(bytes, (byte) 'x');
        byte[] marker = UUID.randomUUID().toString().getBytes();
        System.arraycopy(marker, 0, bytes, 0, marker.length);
        bytes[4999] = 'Z';
        java.nio.file.Path file = java.nio.file.Files.createTempFile("voice", ".ogg");
        java.nio.file.Files.write(file, bytes);
        PreviewDriver p = PreviewDriver.start(survey, "nl").upload(file.toFile(), "audio/ogg");
        assertEquals("completed", p.status());

        List<Map<String, Object>> items = ApiTokensForTests.researcher()
                .get("/api/media?survey=" + survey + "&include_preview=true").then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(1, items.size());
        Map<String, Object> item = items.get(0);
        assertEquals("audio", item.get("kind"));
        assertEquals("audio/ogg", item.get("mimeType"));
        assertEquals(5000, item.get("sizeBytes"));
        assertEquals("stored", item.get("status"));
        assertEquals("story", item.get("question"));
        assertFalse(String.valueOf(items).contains(p.token), "no preview token (chat id) in the list");
        ApiTokensForTests.researcher().get("/api/media?survey=" + survey).then().statusCode(200).body("size()", equalTo(0));
        String id = (String) item.get("id");

        byte[] whole = ApiTokensForTests.researcher().get("/api/media/" + id).then().statusCode(200)
                .contentType("audio/ogg").header("Accept-Ranges", "bytes").header("Content-Length", "5000")
                .extract().asByteArray();
        assertArrayEquals(bytes, whole);

        byte[] head = ApiTokensForTests.researcher().header("Range", "bytes=0-9").get("/api/media/" + id).then().statusCode(206)
                .header("Content-Range", "bytes 0-9/5000").header("Content-Length", "10").extract().asByteArray();
        assertArrayEquals(Arrays.copyOfRange(bytes, 0, 10), head);
        byte[] tail = ApiTokensForTests.researcher().header("Range", "bytes=4990-").get("/api/media/" + id).then().statusCode(206)
                .header("Content-Range", "bytes 4990-4999/5000").extract().asByteArray();
        assertEquals('Z', tail[9]);
        assertEquals(10, tail.length);
        ApiTokensForTests.researcher().header("Range", "bytes=-1").get("/api/media/" + id).then().statusCode(206)
                .header("Content-Range", "bytes 4999-4999/5000");
        ApiTokensForTests.researcher().header("Range", "bytes=5000-").get("/api/media/" + id).then().statusCode(416)
                .header("Content-Range", "bytes */5000").body("code", equalTo("range_not_satisfiable"));

        given().auth().oauth2(ApiTokensForTests.BOOTSTRAP).get("/api/audit?limit=20").then().statusCode(200)
                .body("entries.findAll { it.action == 'media.download' }.subject", hasItem(id));
    }

    @Test
    void media_whenStillPending_is409_andUnknownIs404() {
        String survey = audioSurvey();
        String user = "apitest-" + UUID.randomUUID();
        conversations.handle(new Inbound("apitest", user + ":1", user, new Input.Start("nl", null),
                new Inbound.StartRequest(survey, "nl", null), null, false));
        // a channel that has not downloaded the file yet: the media object stays pending
        conversations.handle(new Inbound("apitest", user + ":2", user,
                new Input.Media(new MediaRef(MediaKind.AUDIO, "audio/ogg", 1234L, 3, "provider-file-ref")), null, null, false));
        List<Map<String, Object>> items = ApiTokensForTests.researcher().get("/api/media?survey=" + survey)
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(1, items.size());
        assertEquals("pending", items.get(0).get("status"));
        assertEquals(3, items.get(0).get("durationSeconds"));
        assertFalse(String.valueOf(items).contains(user), "no chat id in the list");
        assertFalse(String.valueOf(items).contains("provider-file-ref"));
        ApiTokensForTests.researcher().get("/api/media/" + items.get(0).get("id")).then().statusCode(409)
                .body("code", equalTo("media_pending"));
        ApiTokensForTests.researcher().get("/api/media/" + UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("media_not_found"));
        ApiTokensForTests.researcher().get("/api/media/not-a-uuid").then().statusCode(404);
        ApiTokensForTests.researcher().get("/api/media").then().statusCode(400).body("code", equalTo("survey_required"));
    }
}
