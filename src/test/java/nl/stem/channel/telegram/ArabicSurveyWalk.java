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

/**
 * "Toegang tot werk" in Arabic over the webhook, by buttons, Arabic-Indic digits and a voice note:
 * every answer stored with its language and raw text, every reply delivered to the fake Bot API in
 * order, and the voice note fetched and stored under its sha256. Run against the application
 * under test ({@link TelegramSurveyTest}) and against the packaged jar ({@link PackagedTelegramIT}).
 */
final class ArabicSurveyWalk {
    private ArabicSurveyWalk() {
    }

    /** Walks one new Arabic-speaking user through the survey and checks what Stem stored and sent. */
    static void run(TelegramDb db, FakeBotApi fake, Path mediaDir) throws Exception {
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
        assertEquals("0", db.await("select count(*) from outbox where channel = 'telegram' and recipient = ? and status <> 'sent'", u.chat(), "0"));

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
        assertEquals("stored", db.await(mediaSql.formatted("status"), u.chat(), "stored"));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(voice));
        assertEquals(sha, db.string(mediaSql.formatted("sha256"), u.chat()));
        Path stored = mediaDir.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        assertArrayEquals(voice, Files.readAllBytes(stored));
    }
}
