package nl.stem.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.engine.Button;
import nl.stem.engine.Outbound;
import nl.stem.outbox.ChannelSender.SendResult;
import nl.stem.outbox.OutboxMessage;

/**
 * Answers that are not the Bot API's JSON (HTML 502, empty, truncated, error code 0, a dropped
 * connection) are transient: the reply still arrives. A respondent whose last message failed for
 * good is asked the current question again when they next write, and what they wrote is not taken
 * as the answer to a question they never saw.
 */
@QuarkusTest
class TelegramOddAnswersTest {
    private static final AtomicLong IDS = new AtomicLong(-3_000_000 - (System.nanoTime() % 1_000_000));

    @Inject
    TelegramSender sender;
    @Inject
    ObjectMapper json;
    @Inject
    DataSource dataSource;
    FakeBotApi fake;
    TelegramDb db;

    @BeforeEach
    void setUp() {
        fake = FakeBotApi.get();
        db = new TelegramDb(dataSource);
    }

    @ParameterizedTest
    @EnumSource(FakeBotApi.OddAnswer.class)
    void send_whenTheAnswerIsNotTheBotApisJson_isRetryNotFailed(FakeBotApi.OddAnswer odd) throws Exception {
        String chat = String.valueOf(7_100_000_000L + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000L));
        fake.answerOddlyTo(chat, "sendMessage", 1, odd);
        OutboxMessage m = message(chat);
        SendResult first = sender.send(m);
        if (odd == FakeBotApi.OddAnswer.DROPPED && first instanceof SendResult.Sent) {
            return; // OkHttp itself retries a request whose connection closed before any answer
        }
        assertInstanceOf(SendResult.Retry.class, first, odd + " must be retried, got " + first);
        assertInstanceOf(SendResult.Sent.class, sender.send(m), "sent once Telegram answers properly");
    }

    @Test
    void replies_whenTheBotApiAnswersHtml502ForAWhile_allArrive() throws Exception {
        TelegramUser u = TelegramUser.create("en");
        // stem.outbox.max-attempts is 3 in tests: two bad answers, then the third attempt goes through.
        fake.answerOddlyTo(u.chat(), "sendMessage", 2, FakeBotApi.OddAnswer.HTML_502);
        u.start().statusCode(200);
        List<FakeBotApi.Call> calls = fake.awaitMessagesTo(u.chat(), 3, Duration.ofSeconds(15));
        assertEquals(calls.get(0).text(), calls.get(2).text(), "the same language menu, resent");
        awaitCount("select count(*) from outbox where channel = 'telegram' and recipient = ? and status = 'sent'", u.chat(), 1);
        assertEquals(0, db.count("select count(*) from outbox where channel = 'telegram' and recipient = ? and status = 'failed'", u.chat()));
    }

    @Test
    void nextMessage_whenTheLastReplyFailedForGood_getsTheCurrentQuestionAgainAndIsNotAnAnswer() throws Exception {
        TelegramUser u = TelegramUser.create("en");
        u.start().statusCode(200);
        u.tap("lang:en").statusCode(200);
        u.tap("a:consent:yes").statusCode(200);
        String first = db.currentQuestion(u);
        awaitCount("select count(*) from outbox where channel = 'telegram' and recipient = ? and status in ('queued', 'sending')", u.chat(), 0, true);

        fake.failNextTo(u.chat(), "sendMessage", 1, 400, null);
        u.tap("a:" + first + ":3").statusCode(200);
        String second = db.currentQuestion(u);
        awaitCount("select count(*) from outbox where channel = 'telegram' and recipient = ? and status = 'failed'", u.chat(), 1);

        long before = db.outbox(u);
        u.text("4").statusCode(200);
        assertEquals(0, db.answers(u, second), "\"4\" answers nothing: the respondent never saw " + second);
        assertEquals(second, db.currentQuestion(u));
        List<JsonNode> replies = db.outboxPayloads(u).subList((int) before, (int) db.outbox(u));
        JsonNode last = replies.get(replies.size() - 1);
        assertEquals("QUESTION", last.get("kind").asText());
        assertEquals(second, last.get("questionId").asText(), "the question that was lost, asked again");
        awaitCount("select count(*) from outbox where channel = 'telegram' and recipient = ? and status in ('queued', 'sending')", u.chat(), 0, true);

        u.text("4").statusCode(200);
        assertEquals(1, db.answers(u, second), "now that it arrived, the answer counts");
        assertEquals(1, db.answers(u, first), "the earlier answer stands");
    }

    @Test
    void stop_whenTheLastReplyFailedForGood_stillStops() throws Exception {
        TelegramUser u = TelegramUser.create("en");
        u.start().statusCode(200);
        u.tap("lang:en").statusCode(200);
        awaitCount("select count(*) from outbox where channel = 'telegram' and recipient = ? and status in ('queued', 'sending')", u.chat(), 0, true);
        fake.failNextTo(u.chat(), "sendMessage", 2, 400, null);
        u.tap("a:consent:yes").statusCode(200);
        awaitCount("select count(*) from outbox where channel = 'telegram' and recipient = ? and status = 'failed'", u.chat(), 2);
        u.text("stop").statusCode(200);
        assertEquals("stopped", db.sessionStatus(u));
    }

    private OutboxMessage message(String chat) throws Exception {
        OutboxMessage m = new OutboxMessage();
        m.id = IDS.decrementAndGet();
        m.channel = "telegram";
        m.recipient = chat;
        m.payload = json.writeValueAsString(new Outbound(Outbound.Kind.QUESTION, "Hoe gaat het?",
                List.of(new Button("a:q:yes", "Ja")), false, "q"));
        m.status = "queued";
        m.idempotencyKey = UUID.randomUUID();
        m.createdAt = Instant.now();
        m.nextAttemptAt = Instant.now();
        return m;
    }

    private void awaitCount(String sql, String chat, long expected) throws Exception {
        awaitCount(sql, chat, expected, false);
    }

    /** Waits until the count reaches {@code expected} (or, with {@code down}, falls to it). */
    private void awaitCount(String sql, String chat, long expected, boolean down) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        long n = db.count(sql, chat);
        while ((down ? n > expected : n < expected) && System.nanoTime() < deadline) {
            Thread.sleep(25);
            n = db.count(sql, chat);
        }
        assertEquals(expected, n, sql);
    }
}
