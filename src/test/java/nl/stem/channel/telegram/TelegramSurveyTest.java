package nl.stem.channel.telegram;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.config.StemConfig;

/** Whole conversations over the real webhook, with replies sent to the fake Bot API. */
@QuarkusTest
class TelegramSurveyTest {
    @Inject
    DataSource dataSource;
    @Inject
    StemConfig config;
    TelegramDb db;
    FakeBotApi fake;

    @BeforeEach
    void setUp() {
        db = new TelegramDb(dataSource);
        fake = FakeBotApi.get();
    }

    @Test
    void toegangTotWerk_whenTakenInArabicByButtonsDigitsAndVoice_storesEveryAnswerAndTheVoiceFile() throws Exception {
        TelegramUser u = TelegramUser.create("ar");
        u.start().statusCode(200);
        List<FakeBotApi.Call> menu = fake.awaitMessagesTo(u.chat(), 1, Duration.ofSeconds(5));
        assertTrue(menu.get(0).callbackData().contains("lang:ar"), "language menu: " + menu.get(0).callbackData());

        // The tap is answered in the webhook's response (a Bot API call Telegram makes): the client stops spinning.
        u.tap("lang:ar").statusCode(200)
                .body("method", equalTo("answerCallbackQuery"))
                .body("callback_query_id", equalTo(u.lastUpdate.get("callback_query").get("id").asText()));
        assertEquals("consent", db.currentQuestion(u));

        u.tap("a:consent:yes").statusCode(200);
        List<String> scale = new ArrayList<>();
        int i = 0;
        while (db.currentQuestion(u).startsWith("help_")) {
            String q = db.currentQuestion(u);
            scale.add(q);
            if (i++ % 2 == 0) {
                u.tap("a:" + q + ":4").statusCode(200);
            } else {
                u.text("٣").statusCode(200); // Arabic-Indic three
            }
        }
        assertEquals(11, scale.size());
        assertEquals("advice", db.currentQuestion(u));

        byte[] voice = ("OggS\u0000fake opus voice note " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String fileId = "AwACAgQ-voice-" + UUID.randomUUID();
        fake.registerFile(fileId, voice);
        u.voice(fileId, voice.length, 9).statusCode(200);
        assertEquals("completed", db.sessionStatus(u));

        // The real outbox sender, woken after each commit, delivers everything in order.
        List<FakeBotApi.Call> sent = fake.awaitMessagesTo(u.chat(), (int) db.outbox(u), Duration.ofSeconds(20));
        assertEquals(db.outbox(u), sent.size(), "every queued reply reached the fake");
        assertTrue(sent.stream().anyMatch(c -> c.callbackData().contains("a:help_vwn:3")), "scale buttons carry the issued payloads");
        // The fake may see the last message a moment before the sender records it as sent.
        assertEquals("0", awaitStatus("select count(*) from outbox where channel = 'telegram' and recipient = ? and status <> 'sent'", u.chat(), "0"));

        // The answers: language, channel, parsed digits, and the voice note's media row.
        String value = db.string("select a.value::text from answers a join channel_identities ci on ci.respondent_id = a.respondent_id "
                + "where ci.provider_id = ? and a.question_id = ?", u.chat(), scale.get(1));
        assertTrue(value.contains("3"), "parsed value 3: " + value);
        assertEquals("٣", db.string("select a.raw_text from answers a join channel_identities ci on ci.respondent_id = a.respondent_id "
                + "where ci.provider_id = ? and a.question_id = ?", u.chat(), scale.get(1)));
        assertEquals(13, db.count("select count(*) from answers a join channel_identities ci on ci.respondent_id = a.respondent_id "
                + "where ci.channel = 'telegram' and ci.provider_id = ? and a.language = 'ar' and a.channel = 'telegram'", u.chat()));
        String mediaSql = "select m.%s from answers a join media_objects m on m.id = a.media_id join channel_identities ci on ci.respondent_id = a.respondent_id "
                + "where ci.provider_id = ? and a.question_id = 'advice'";
        assertEquals("audio/ogg", db.string(mediaSql.formatted("mime_type"), u.chat()));
        assertEquals("9", db.string(mediaSql.formatted("duration_seconds"), u.chat()));

        // The media worker, woken after commit, fetches it with getFile + GET and stores it.
        assertEquals("stored", awaitStatus(mediaSql.formatted("status"), u.chat(), "stored"));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(voice));
        assertEquals(sha, db.string(mediaSql.formatted("sha256"), u.chat()));
        Path stored = config.media().dir().resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        assertArrayEquals(voice, Files.readAllBytes(stored));
    }

    @Test
    void voiceDownload_whenItKeepsFailing_endsUnavailable() throws Exception {
        TelegramUser u = answeredUpToAdvice("en");
        String fileId = "AwACAgQ-broken-" + UUID.randomUUID();
        fake.registerFile(fileId, "OggS broken".getBytes(StandardCharsets.UTF_8));
        fake.breakDownload(fileId, 500);
        u.voice(fileId, 11, 2).statusCode(200);
        String mediaSql = "select m.status from answers a join media_objects m on m.id = a.media_id join channel_identities ci on ci.respondent_id = a.respondent_id "
                + "where ci.provider_id = ? and a.question_id = 'advice'";
        assertEquals("unavailable", awaitStatus(mediaSql, u.chat(), "unavailable"));
        String attempts = mediaSql.replace("m.status", "m.attempts");
        assertEquals("3", db.string(attempts, u.chat()), "500 is retried up to stem.media.worker.max-attempts");

        TelegramUser gone = answeredUpToAdvice("en");
        String goneId = "AwACAgQ-gone-" + UUID.randomUUID();
        fake.registerFile(goneId, "OggS gone".getBytes(StandardCharsets.UTF_8));
        fake.breakDownload(goneId, 404);
        gone.voice(goneId, 9, 1).statusCode(200);
        assertEquals("unavailable", awaitStatus(mediaSql, gone.chat(), "unavailable"));
        assertEquals("1", db.string(mediaSql.replace("m.status", "m.attempts"), gone.chat()), "404 is permanent at once");
    }

    @Test
    void sameUpdate_whenDeliveredTwice_givesOneAnswerAndOneReply() throws Exception {
        TelegramUser u = TelegramUser.create("en");
        u.start().statusCode(200);
        u.tap("lang:en").statusCode(200);
        u.tap("a:consent:yes").statusCode(200);
        String q = db.currentQuestion(u);
        u.text("3").statusCode(200);
        long outbox = db.outbox(u);
        u.resend().statusCode(200);
        u.resend().statusCode(200);
        assertEquals(1, db.answers(u, q));
        assertEquals(outbox, db.outbox(u), "no second reply");
        fake.awaitMessagesTo(u.chat(), (int) outbox, Duration.ofSeconds(20));
        Thread.sleep(300); // a duplicate reply would be sent right after the others
        assertEquals(outbox, fake.messagesTo(u.chat()).size());
    }

    @Test
    void staleButton_whenTappedAfterItsQuestion_getsAPoliteWordAndTheCurrentQuestionAgain() throws Exception {
        TelegramUser u = TelegramUser.create("en");
        u.start().statusCode(200);
        u.tap("lang:en").statusCode(200);
        u.tap("a:consent:yes").statusCode(200);
        String first = db.currentQuestion(u);
        u.tap("a:" + first + ":5").statusCode(200);
        String second = db.currentQuestion(u);
        long before = db.outbox(u);
        u.tap("a:" + first + ":1").statusCode(200);
        assertEquals(second, db.currentQuestion(u));
        List<JsonNode> replies = db.outboxPayloads(u).subList((int) before, (int) db.outbox(u));
        assertEquals("REPROMPT", replies.get(0).get("kind").asText());
        assertEquals("QUESTION", replies.get(replies.size() - 1).get("kind").asText());
        assertEquals(second, replies.get(replies.size() - 1).get("questionId").asText());
        assertEquals(1, db.answers(u, first));
        assertEquals("5", db.string("select a.value::text from answers a join channel_identities ci on ci.respondent_id = a.respondent_id "
                + "where ci.provider_id = ? and a.question_id = ?", u.chat(), first).replaceAll("[^0-9]", ""), "the first answer stands");
    }

    /** Waits for the media worker to bring a media row to {@code expected}; returns the last status seen. */
    private String awaitStatus(String sql, String chat, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String status = db.string(sql, chat);
        while (!expected.equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            status = db.string(sql, chat);
        }
        return status;
    }

    private TelegramUser answeredUpToAdvice(String lang) throws Exception {
        TelegramUser u = TelegramUser.create(lang);
        u.start().statusCode(200);
        u.tap("lang:" + lang).statusCode(200);
        u.tap("a:consent:yes").statusCode(200);
        while (db.currentQuestion(u).startsWith("help_")) {
            u.tap("a:" + db.currentQuestion(u) + ":na").statusCode(200);
        }
        assertEquals("advice", db.currentQuestion(u));
        return u;
    }
}
