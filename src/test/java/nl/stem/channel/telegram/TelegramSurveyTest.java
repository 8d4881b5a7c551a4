package nl.stem.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
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
        ArabicSurveyWalk.run(db, fake, config.media().dir());
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
        assertEquals("unavailable", db.await(mediaSql, u.chat(), "unavailable"));
        String attempts = mediaSql.replace("m.status", "m.attempts");
        assertEquals("3", db.string(attempts, u.chat()), "500 is retried up to stem.media.worker.max-attempts");

        TelegramUser gone = answeredUpToAdvice("en");
        String goneId = "AwACAgQ-gone-" + UUID.randomUUID();
        fake.registerFile(goneId, "OggS gone".getBytes(StandardCharsets.UTF_8));
        fake.breakDownload(goneId, 404);
        gone.voice(goneId, 9, 1).statusCode(200);
        assertEquals("unavailable", db.await(mediaSql, gone.chat(), "unavailable"));
        assertEquals("1", db.string(mediaSql.replace("m.status", "m.attempts"), gone.chat()), "404 is permanent at once");
    }

    @Test
    void sameUpdate_whenDeliveredTwice_givesOneAnswerAndOneReply() throws Exception {
        RepeatedDelivery.check(db, fake, "en", "3");
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
