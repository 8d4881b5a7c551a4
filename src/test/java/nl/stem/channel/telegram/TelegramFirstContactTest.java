package nl.stem.channel.telegram;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A newcomer's first messages arriving at the same moment (a double tap on "Start", a message sent
 * twice): both transactions try to create the respondent; one wins, the other uses its row.
 */
@QuarkusTest
class TelegramFirstContactTest {
    @Inject
    DataSource dataSource;

    @Test
    void firstMessages_whenTwoArriveAtOnce_makeOneRespondentAndKeepBoth() throws Exception {
        TelegramDb db = new TelegramDb(dataSource);
        FakeBotApi.get();
        long respondentsBefore = db.count("select count(*) from respondents");
        int chats = 12;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<TelegramUser> users = new ArrayList<>();
            List<String> updateIds = new ArrayList<>();
            for (int i = 0; i < chats; i++) {
                TelegramUser u = TelegramUser.create("ar");
                users.add(u);
                ObjectNode first = u.update("text");
                ((ObjectNode) first.get("message")).put("text", "/start");
                ObjectNode second = u.update("text");
                ((ObjectNode) second.get("message")).put("text", "/start");
                updateIds.add(first.get("update_id").asText());
                updateIds.add(second.get("update_id").asText());
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> sent = new ArrayList<>();
                for (ObjectNode update : List.of(first, second)) {
                    sent.add(pool.submit(() -> {
                        go.await();
                        return given().contentType("application/json").header(TelegramWebhook.SECRET_HEADER, TelegramUser.SECRET)
                                .body(update.toString()).post("/webhooks/telegram").statusCode();
                    }));
                }
                go.countDown();
                for (Future<Integer> f : sent) {
                    assertEquals(200, f.get(), "both first messages are acknowledged");
                }
            }
            for (int i = 0; i < chats; i++) {
                assertEquals(1, db.count("select count(*) from channel_identities where channel = 'telegram' and provider_id = ?",
                        users.get(i).chat()), "one identity per chat");
                assertEquals(2, db.count("select count(*) from inbound_messages where channel = 'telegram' and provider_message_id in (?, ?)",
                        updateIds.get(2 * i), updateIds.get(2 * i + 1)), "both updates are recorded");
                assertTrue(db.count("select count(*) from outbox where channel = 'telegram' and recipient = ?", users.get(i).chat()) >= 2,
                        "each of the two messages got its reply");
            }
            assertEquals(respondentsBefore + chats, db.count("select count(*) from respondents"),
                    "one respondent per chat: the losing insert left no orphan");
        } finally {
            pool.shutdown();
        }
    }
}
