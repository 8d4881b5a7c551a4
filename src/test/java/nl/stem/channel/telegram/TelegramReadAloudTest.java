package nl.stem.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.StemStartup;

/**
 * A Sorani speaker invited to a survey read aloud takes it on Telegram: each question comes as a
 * voice note (sendVoice) just before its text, the file is uploaded once and its file_id reused.
 */
@QuarkusTest
class TelegramReadAloudTest {
    @Inject
    Invitations invitations;
    @Inject
    DataSource dataSource;
    @Inject
    StemStartup startup;
    TelegramDb db;

    @BeforeEach
    void setUp() throws Exception {
        db = new TelegramDb(dataSource);
        FakeBotApi.get();
        Path root = Path.of("src/test/resources/prompt-survey");
        assertEquals(0, startup.publishDirectory(root.resolve("surveys"), root.resolve("translations")));
    }

    @Test
    void invitedInSorani_eachQuestionIsAVoiceNoteBeforeItsTextAndTheUploadIsReused() throws Exception {
        FakeBotApi bot = FakeBotApi.get();
        String consentSha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(
                java.nio.file.Files.readAllBytes(Path.of("src/test/resources/prompt-survey/surveys/lees_voor-media/consent_ckb.ogg"))));
        // As if never sent to Telegram (another test or an earlier run may have uploaded it).
        db.count("with u as (update prompt_audio set telegram_file_id = null where sha256 = ? returning 1) select count(*) from u", consentSha);
        TelegramUser u = start("ckb");
        FakeBotApi.Call firstText = bot.awaitMessagesTo(u.chat(), 1, Duration.ofSeconds(10)).get(0);
        List<FakeBotApi.Call> calls = callsTo(bot, u.chat());
        assertEquals("sendvoice", calls.get(0).method(), "the voice note first: " + calls);
        assertTrue(calls.get(0).json().path("voice").asText().startsWith("upload:"), "the first time the file is uploaded: " + calls.get(0).json());
        assertEquals(firstText, calls.get(1));
        assertTrue(firstText.text().contains("بەخێربێیت"), "the consent in Sorani: " + firstText.text());
        String fileId = db.string("select telegram_file_id from prompt_audio where sha256 = ?", consentSha);
        assertTrue(fileId != null && fileId.startsWith("voice-file-"), "the file_id Telegram gave is kept: " + fileId);

        u.tap("a:consent:yes").statusCode(200);
        bot.awaitMessagesTo(u.chat(), 2, Duration.ofSeconds(10));
        calls = callsTo(bot, u.chat());
        assertEquals(List.of("sendvoice", "sendmessage", "sendvoice", "sendmessage"), calls.stream().map(FakeBotApi.Call::method).toList());

        // A second respondent hears the same consent: Telegram gets the file_id, not the file again.
        TelegramUser other = start("ckb");
        bot.awaitMessagesTo(other.chat(), 1, Duration.ofSeconds(10));
        FakeBotApi.Call voice = callsTo(bot, other.chat()).get(0);
        assertEquals("sendvoice", voice.method());
        assertEquals(fileId, voice.json().path("voice").asText(), "the file_id from the first upload, not the file");
    }

    @Test
    void audioWordInSorani_switchesTheVoiceNotesOffForTheNextQuestion() throws Exception {
        FakeBotApi bot = FakeBotApi.get();
        TelegramUser u = start("ckb");
        bot.awaitMessagesTo(u.chat(), 1, Duration.ofSeconds(10));
        u.text("دەنگ").statusCode(200);
        bot.awaitMessagesTo(u.chat(), 3, Duration.ofSeconds(10));
        u.tap("a:consent:yes").statusCode(200);
        bot.awaitMessagesTo(u.chat(), 4, Duration.ofSeconds(10));
        List<String> methods = callsTo(bot, u.chat()).stream().map(FakeBotApi.Call::method).toList();
        assertEquals(List.of("sendvoice", "sendmessage", "sendmessage", "sendmessage", "sendmessage"), methods,
                "voice, consent; notice, consent again; the next question without a voice note");
        assertEquals("false", db.string("select r.audio_prompts::text from respondents r join channel_identities ci "
                + "on ci.respondent_id = r.id where ci.channel = 'telegram' and ci.provider_id = ?", u.chat()));
    }

    private TelegramUser start(String language) throws Exception {
        UUID member = UUID.randomUUID();
        db.count("with r as (insert into respondents (id, pseudonym, status) values (?::uuid, ?, 'active') returning 1) select count(*) from r",
                member.toString(), "Rread" + member.toString().substring(0, 12));
        Invitation inv = invitations.create(member, "lees_voor", language);
        TelegramUser u = TelegramUser.create(language);
        ObjectNode update = u.update("start_payload");
        ((ObjectNode) update.get("message")).put("text", "/start " + inv.token());
        u.post(update).statusCode(200);
        return u;
    }

    private static List<FakeBotApi.Call> callsTo(FakeBotApi bot, String chat) {
        return bot.calls().stream().filter(c -> chat.equals(c.chatId())
                && (c.method().equals("sendvoice") || c.method().equals("sendmessage"))).toList();
    }
}
