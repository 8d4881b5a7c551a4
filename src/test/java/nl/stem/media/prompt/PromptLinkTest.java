package nl.stem.media.prompt;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.media.MediaStore;

/**
 * The public link to a prompt file: it answers only with a valid, unexpired signature, and only
 * with prompt files, never with an answer's media, whatever is signed. Bad input gets a 4xx problem.
 */
@QuarkusTest
class PromptLinkTest {
    @Inject
    PromptStore store;
    @Inject
    PromptLinks links;
    @Inject
    MediaStore media;

    private String prompt() throws Exception {
        byte[] ogg = Files.readAllBytes(Path.of("src/test/resources/prompt-survey/surveys/lees_voor-media/werk_ti.ogg"));
        return store.put(ogg, 1000, false, Instant.now());
    }

    @Test
    void link_whenSignedAndFresh_servesThePromptAsOggOpus() throws Exception {
        String sha = prompt();
        byte[] body = given().get(links.path(sha, Instant.now())).then().statusCode(200)
                .header("Content-Type", "audio/ogg").extract().asByteArray();
        assertArrayEquals(store.content(sha).orElseThrow(), body);
    }

    @Test
    void link_whenSignatureWrongMissingOrForAnotherFile_isRefusedWith403() throws Exception {
        String sha = prompt();
        String good = links.path(sha, Instant.now());
        String tampered = good.substring(0, good.length() - 2) + (good.endsWith("AA") ? "BB" : "AA");
        given().get(tampered).then().statusCode(403).body("code", equalTo("prompt_link_invalid"));
        given().get(PromptLinks.PATH + sha + ".ogg").then().statusCode(403).body("code", equalTo("prompt_link_invalid"));
        String other = "f".repeat(64);
        given().get(good.replace(sha, other)).then().statusCode(403).body("code", equalTo("prompt_link_invalid"));
        given().get(good.replace("e=", "e=9")).then().statusCode(403).body("code", equalTo("prompt_link_invalid"));
        for (String bad : new String[]{"/prompts/x.ogg?e=1&s=2", "/prompts/" + sha + "?e=1&s=2", "/prompts/..%2F..%2Fetc%2Fpasswd",
                "/prompts/" + sha + ".ogg?e=-1&s=" + "x".repeat(500), "/prompts/" + sha + ".ogg?e=99999999999999999999&s=a"}) {
            int status = given().urlEncodingEnabled(false).get(bad).then().extract().statusCode();
            assertEquals(true, status == 403 || status == 404, bad + " answered " + status);
        }
    }

    @Test
    void link_whenExpired_isRefusedWith403() throws Exception {
        String sha = prompt();
        String old = links.path(sha, Instant.now().minus(Duration.ofHours(3)));
        given().get(old).then().statusCode(403).body("code", equalTo("prompt_link_expired"));
    }

    @Test
    void link_whenSignedForAnAnswersMediaFile_neverServesIt() throws Exception {
        MediaStore.Stored answer = media.put(new ByteArrayInputStream(("OggS a respondent's voice " + System.nanoTime()).getBytes()), 1000);
        given().get(links.path(answer.sha256(), Instant.now())).then().statusCode(404).body("code", equalTo("prompt_not_found"));
        given().get(links.path("0".repeat(64), Instant.now())).then().statusCode(404).body("code", equalTo("prompt_not_found"));
    }
}
