package nl.stem.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * "My data" on Telegram, as a new user would try it: a respondent answering in Farsi asks in Farsi
 * and reads, in Farsi, what Stem holds about them, then gets their question again; a chat Stem does
 * not know gets a polite word and nothing is stored about it.
 */
@QuarkusTest
class TelegramAccessTest {
    @Inject
    DataSource dataSource;
    TelegramDb db;
    FakeBotApi fake;

    @BeforeEach
    void setUp() {
        db = new TelegramDb(dataSource);
        fake = FakeBotApi.get();
    }

    @Test
    void myData_askedInFarsi_isAnsweredInFarsiWithTheirAnswersAndHowToDelete() throws Exception {
        TelegramUser u = TelegramUser.create("fa");
        u.start().statusCode(200);
        u.tap("lang:fa").statusCode(200);
        u.tap("a:consent:yes").statusCode(200);
        String first = db.currentQuestion(u);
        u.tap("a:" + first + ":4").statusCode(200);
        String second = db.currentQuestion(u);
        int before = (int) db.outbox(u);

        u.text("اطلاعات من").statusCode(200);
        List<FakeBotApi.Call> got = fake.awaitMessagesTo(u.chat(), before + 2, Duration.ofSeconds(20));
        // Arguments in right-to-left text are wrapped in first-strong isolates (U+2068 ... U+2069).
        String summary = got.get(before).text().replace("\u2068", "").replace("\u2069", "");
        assertTrue(summary.startsWith("این‌ها اطلاعاتی است که از شما نگه می‌داریم:"), summary);
        assertTrue(summary.contains("Telegram"), summary);
        assertTrue(summary.contains("شما در ۱ پرسش‌نامه شرکت کرده‌اید"), "Farsi digits: " + summary);
        assertTrue(summary.contains("۲ پاسخ نگه داشته شده است"), "the consent and one answer: " + summary);
        assertTrue(summary.contains("با شرکت در"), "the consent given: " + summary);
        assertTrue(summary.contains("ما هیچ پیام صوتی، ویدیو یا عکسی از شما نگه نمی‌داریم"), summary);
        assertTrue(summary.contains("«حذف»"), "how to delete, with the Farsi word: " + summary);
        assertTrue(got.get(before + 1).text().length() > 0);
        assertEquals(second, db.currentQuestion(u), "nothing changes: the same question is asked again");
        assertEquals(1, db.count("select count(*) from audit_log where action = 'respondent.access' and subject ="
                + " (select r.pseudonym from respondents r join channel_identities ci on ci.respondent_id = r.id where ci.provider_id = ?)", u.chat()));
        assertEquals(2, db.answers(u, "consent") + db.answers(u, first), "the request is not an answer");
    }

    @Test
    void myData_fromAnUnknownChat_getsAPoliteWordAndNothingIsStored() throws Exception {
        TelegramUser u = TelegramUser.create(null);
        u.text("اطلاعات من").statusCode(200);
        List<FakeBotApi.Call> got = fake.awaitMessagesTo(u.chat(), 1, Duration.ofSeconds(20));
        assertEquals("ما هیچ اطلاعاتی دربارهٔ این گفتگو نداریم. از پرسش شما سپاسگزاریم.", got.get(0).text());
        assertEquals(0, db.count("select count(*) from channel_identities where provider_id = ?", u.chat()), "no respondent is made");

        TelegramUser english = TelegramUser.create("en");
        english.text("/mydata").statusCode(200);
        assertEquals("We have no data about this chat. Thank you for asking.",
                fake.awaitMessagesTo(english.chat(), 1, Duration.ofSeconds(20)).get(0).text());
    }
}
