package nl.stem.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

/**
 * Telegram delivers an update again when it saw no 200 in time: the same update twice more must
 * give one answer and one reply. Run against the application under test
 * ({@link TelegramSurveyTest}) and against the packaged jar ({@link PackagedTelegramIT}).
 */
final class RepeatedDelivery {
    private RepeatedDelivery() {
    }

    /** A new user answers the first question by typing {@code answer}; that update then arrives twice more. */
    static void check(TelegramDb db, FakeBotApi fake, String language, String answer) throws Exception {
        TelegramUser u = TelegramUser.create(language);
        u.start().statusCode(200);
        u.tap("lang:" + language).statusCode(200);
        u.tap("a:consent:yes").statusCode(200);
        String question = db.currentQuestion(u);
        u.text(answer).statusCode(200);
        long outbox = db.outbox(u);
        u.resend().statusCode(200);
        u.resend().statusCode(200);
        assertEquals(1, db.answers(u, question), "a repeated update gives one answer");
        assertEquals(outbox, db.outbox(u), "and no second reply");
        assertTrue(db.inboundExists(u.lastUpdateId), "the update is recorded once, as delivered");
        fake.awaitMessagesTo(u.chat(), (int) outbox, Duration.ofSeconds(20));
        Thread.sleep(300); // a duplicate reply would be sent right after the others
        assertEquals(outbox, fake.messagesTo(u.chat()).size());
    }
}
