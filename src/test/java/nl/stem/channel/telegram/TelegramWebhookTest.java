package nl.stem.channel.telegram;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The webhook's gate: forged requests, bad bodies and update kinds Stem does not use. */
@QuarkusTest
class TelegramWebhookTest {
    @Inject
    DataSource dataSource;
    TelegramDb db;

    @BeforeEach
    void setUp() {
        db = new TelegramDb(dataSource);
        FakeBotApi.get();
    }

    @Test
    void webhook_whenSecretHeaderMissing_is401AndStoresNothing() throws Exception {
        TelegramUser u = TelegramUser.create("ar");
        long respondents = db.count("select count(*) from respondents");
        long answers = db.count("select count(*) from answers");
        given().contentType("application/json").body(u.update("start").toString()).post("/webhooks/telegram")
                .then().statusCode(401).body("code", equalTo("secret_missing"));
        assertNothingStored(u, respondents, answers);
    }

    @Test
    void webhook_whenSecretHeaderWrong_is403AndStoresNothing() throws Exception {
        TelegramUser u = TelegramUser.create("ar");
        long respondents = db.count("select count(*) from respondents");
        long answers = db.count("select count(*) from answers");
        given().contentType("application/json").header(TelegramWebhook.SECRET_HEADER, TelegramUser.SECRET + "x")
                .body(u.update("start").toString()).post("/webhooks/telegram")
                .then().statusCode(403).body("code", equalTo("secret_wrong"));
        given().contentType("application/json").header(TelegramWebhook.SECRET_HEADER, "test-secret_012345678")
                .body(u.update("text").toString()).post("/webhooks/telegram").then().statusCode(403);
        assertNothingStored(u, respondents, answers);
    }

    private void assertNothingStored(TelegramUser u, long respondents, long answers) throws Exception {
        assertFalse(db.identityExists(u));
        assertFalse(db.inboundExists(u.lastUpdateId));
        assertEquals(respondents, db.count("select count(*) from respondents"));
        assertEquals(answers, db.count("select count(*) from answers"));
        assertEquals(0, db.outbox(u));
    }

    @Test
    void webhook_whenJsonMalformed_is400WithProblem() {
        given().contentType("application/json").header(TelegramWebhook.SECRET_HEADER, TelegramUser.SECRET)
                .body("{\"update_id\": 1, \"message\": {").post("/webhooks/telegram")
                .then().statusCode(400).body("code", equalTo("malformed_json"));
        given().contentType("application/json").header(TelegramWebhook.SECRET_HEADER, TelegramUser.SECRET)
                .body("{\"update_id\": \"not a number\"}").post("/webhooks/telegram").then().statusCode(400);
        given().contentType("application/json").header(TelegramWebhook.SECRET_HEADER, TelegramUser.SECRET)
                .body("{\"message\": {\"text\": \"hi\"}}").post("/webhooks/telegram")
                .then().statusCode(400).body("code", equalTo("update_id_missing"));
        given().contentType("application/json").header(TelegramWebhook.SECRET_HEADER, TelegramUser.SECRET)
                .body("[]").post("/webhooks/telegram").then().statusCode(400);
        given().contentType("application/json").header(TelegramWebhook.SECRET_HEADER, TelegramUser.SECRET)
                .body("").post("/webhooks/telegram").then().statusCode(400);
    }

    @Test
    void webhook_whenContentTypeNotJson_is415() {
        TelegramUser u = TelegramUser.create("ar");
        given().contentType("text/plain").header(TelegramWebhook.SECRET_HEADER, TelegramUser.SECRET)
                .body(u.update("text").toString()).post("/webhooks/telegram")
                .then().statusCode(415).body("code", equalTo("unsupported_media_type"));
    }

    @Test
    void webhook_whenBodyOverLimit_is413() throws Exception {
        TelegramUser u = TelegramUser.create("ar");
        String big = "x".repeat(70_000); // %test max-body-bytes is 65536
        u.text(big).statusCode(413).body("code", equalTo("body_too_large"));
        assertFalse(db.identityExists(u));
    }

    @Test
    void webhook_whenStickerLocationPhotoOrDocument_is200AndAnsweredPolitely() throws Exception {
        TelegramUser u = TelegramUser.create("en");
        u.start().statusCode(200);
        long before = db.outbox(u);
        for (String kind : List.of("sticker", "location", "photo")) {
            u.send(kind).statusCode(200);
            long now = db.outbox(u);
            assertTrue(now > before, kind + " gets a reply");
            before = now;
        }
        List<JsonNode> payloads = db.outboxPayloads(u);
        assertEquals("QUESTION", payloads.get(payloads.size() - 1).get("kind").asText(), "the question is asked again");
    }

    @Test
    void webhook_whenEditedMessageOrMyChatMember_is200AndStoresNothing() throws Exception {
        TelegramUser u = TelegramUser.create("ar");
        u.send("edited_message").statusCode(200);
        assertFalse(db.inboundExists(u.lastUpdateId));
        u.send("my_chat_member").statusCode(200);
        assertFalse(db.inboundExists(u.lastUpdateId));
        assertFalse(db.identityExists(u));
    }

    @Test
    void myChatMember_whenTheRespondentBlocksTheBot_marksThemUnreachableUntilTheyWriteAgain() throws Exception {
        TelegramUser u = TelegramUser.create("ar");
        u.start().statusCode(200);
        String sql = "select count(*) from channel_identities where channel = 'telegram' and provider_id = ? and unreachable_at is not null";
        assertEquals(0, db.count(sql, u.chat()));
        u.send("my_chat_member").statusCode(200);
        assertEquals(1, db.count(sql, u.chat()), "kicked: unreachable");
        u.text("hello").statusCode(200);
        assertEquals(0, db.count(sql, u.chat()), "writing again unblocks");
    }

    @Test
    void webhook_whenGroupMessageOrUnknownUpdateKind_is200AndIgnored() throws Exception {
        TelegramUser u = TelegramUser.create("ar");
        var update = u.update("text");
        ((com.fasterxml.jackson.databind.node.ObjectNode) update.get("message").get("chat")).put("type", "group");
        u.post(update).statusCode(200);
        assertFalse(db.identityExists(u));
        given().contentType("application/json").header(TelegramWebhook.SECRET_HEADER, TelegramUser.SECRET)
                .body("{\"update_id\": 12, \"message_reaction\": {\"chat\": {\"id\": 1, \"type\": \"private\"}}}")
                .post("/webhooks/telegram").then().statusCode(200);
        given().contentType("application/json").header(TelegramWebhook.SECRET_HEADER, TelegramUser.SECRET)
                .body("{\"update_id\": 13, \"message\": {\"message_id\": 1}}").post("/webhooks/telegram").then().statusCode(200);
    }

    @Test
    void webhook_whenCallbackDataNeverIssued_isAnsweredPolitelyWithout500() throws Exception {
        TelegramUser u = TelegramUser.create("en");
        u.start().statusCode(200);
        u.tap("lang:en").statusCode(200);
        long before = db.outbox(u);
        u.tap("zz:not-ours:\u0000").statusCode(200);
        u.tap("").statusCode(200);
        List<JsonNode> payloads = db.outboxPayloads(u);
        assertTrue(payloads.size() > before);
        assertTrue(payloads.stream().skip(before).anyMatch(p -> p.get("kind").asText().equals("REPROMPT")), "a polite word");
    }
}
