package nl.stem.channel.telegram;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.response.ValidatableResponse;

/**
 * A simulated Telegram user in a private chat with the bot: takes the recorded updates under
 * {@code src/test/resources/telegram/}, gives them this chat's ids, a fresh update_id and the text,
 * data or file wanted, and posts them to the real webhook with the right secret.
 */
public final class TelegramUser {
    static final String SECRET = "test-secret_0123456789";
    /** The user id in the recorded payloads, replaced by this user's. */
    private static final long RECORDED_ID = 5301234567L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** update_id is a 32-bit int; a random base keeps runs apart in inbound_messages (which outlives a run). */
    private static final AtomicInteger UPDATE_IDS = new AtomicInteger(100_000_000 + RANDOM.nextInt(1_800_000_000));
    private static final AtomicInteger CALLBACK_IDS = new AtomicInteger();

    final long chatId;
    final String languageCode;
    int lastUpdateId;
    ObjectNode lastUpdate;

    private TelegramUser(long chatId, String languageCode) {
        this.chatId = chatId;
        this.languageCode = languageCode;
    }

    public static TelegramUser create(String languageCode) {
        return new TelegramUser(6_000_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 3_000_000_000L, languageCode);
    }

    public String chat() {
        return String.valueOf(chatId);
    }

    /** The recorded update {@code name}.json as this user, with a new update_id. */
    public ObjectNode update(String name) {
        ObjectNode u;
        try (InputStream in = TelegramUser.class.getResourceAsStream("/telegram/" + name + ".json")) {
            u = (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        lastUpdateId = UPDATE_IDS.incrementAndGet();
        u.put("update_id", lastUpdateId);
        rewrite(u);
        return u;
    }

    public ValidatableResponse post(JsonNode update) {
        lastUpdate = (ObjectNode) update;
        return given().contentType("application/json").header(TelegramWebhook.SECRET_HEADER, SECRET)
                .body(update.toString()).post("/webhooks/telegram").then();
    }

    public ValidatableResponse send(String name) {
        return post(update(name));
    }

    public ValidatableResponse start() {
        return text("/start");
    }

    public ValidatableResponse text(String text) {
        ObjectNode u = update("text");
        ((ObjectNode) u.get("message")).put("text", text);
        return post(u);
    }

    public ValidatableResponse tap(String data) {
        ObjectNode u = update("callback_query");
        ObjectNode q = (ObjectNode) u.get("callback_query");
        q.put("id", "cbq-" + chatId + "-" + CALLBACK_IDS.incrementAndGet());
        q.put("data", data);
        return post(u);
    }

    ValidatableResponse voice(String fileId, int size, int duration) {
        ObjectNode u = update("voice");
        ObjectNode v = (ObjectNode) u.get("message").get("voice");
        v.put("file_id", fileId);
        v.put("file_size", size);
        v.put("duration", duration);
        return post(u);
    }

    /** Sends the last update again, update_id and all, as Telegram does when it did not see our 200. */
    ValidatableResponse resend() {
        return post(lastUpdate);
    }

    private void rewrite(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("id") && e.getValue().isNumber() && e.getValue().asLong() == RECORDED_ID) {
                    o.put("id", chatId);
                } else if (e.getKey().equals("language_code")) {
                    if (languageCode == null) {
                        it.remove();
                    } else {
                        o.put("language_code", languageCode);
                    }
                } else {
                    rewrite(e.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(this::rewrite);
        }
    }
}
