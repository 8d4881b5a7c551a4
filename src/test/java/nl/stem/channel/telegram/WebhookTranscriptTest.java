package nl.stem.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A golden transcript end to end through the webhook, in a right-to-left language: a Pashto speaker
 * (Telegram app set to Pashto) takes "Toegang tot werk" over the real webhook, conversation
 * service, outbox and fake Bot API. Every message Telegram is asked to show (text and buttons) is
 * compared with {@code src/test/resources/transcripts/webhook/telegram_toegang_pashto.txt};
 * {@code -Dstem.regenerate=true} rewrites it (review the diff).
 */
@QuarkusTest
class WebhookTranscriptTest {
    private static final Path GOLDEN = Path.of("src/test/resources/transcripts/webhook/telegram_toegang_pashto.txt");

    @Inject
    DataSource dataSource;

    @Test
    void pashto_toegangTotWerk_throughTheWebhook_matchesTheGoldenTranscript() throws Exception {
        TelegramDb db = new TelegramDb(dataSource);
        FakeBotApi bot = FakeBotApi.get();
        TelegramUser u = TelegramUser.create("ps");
        StringBuilder out = new StringBuilder("# A Pashto speaker takes \"Toegang tot werk\" on Telegram, through the webhook.\n");
        step(out, db, bot, u, "> /start", () -> u.start().statusCode(200));
        step(out, db, bot, u, "> tap lang:ps", () -> u.tap("lang:ps").statusCode(200));
        step(out, db, bot, u, "> tap a:consent:yes", () -> u.tap("a:consent:yes").statusCode(200));
        String[] answers = {"۳", "tap 5", "اړه نه لري", "۱", "tap na", "۴", "۲", "tap 3", "۵", "مرسته", "۳", "۱"};
        for (String a : answers) {
            if (a.startsWith("tap ")) {
                String q = db.currentQuestion(u);
                step(out, db, bot, u, "> tap a:" + q + ":" + a.substring(4), () -> u.tap("a:" + q + ":" + a.substring(4)).statusCode(200));
            } else {
                step(out, db, bot, u, "> text " + a, () -> u.text(a).statusCode(200));
            }
        }
        step(out, db, bot, u, "> text زما مشوره: ژبې زده کړې ته وخت ورکړئ.", () -> u.text("زما مشوره: ژبې زده کړې ته وخت ورکړئ.").statusCode(200));
        assertEquals("completed", db.sessionStatus(u).toLowerCase());

        String actual = out.toString();
        if (Boolean.getBoolean("stem.regenerate") || !Files.exists(GOLDEN)) {
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), actual,
                GOLDEN + " differs; rerun with -Dstem.regenerate=true and review the diff");
    }

    private interface Action {
        void run() throws Exception;
    }

    /** Does one input and writes what Telegram was asked to show after it, in order. */
    private static void step(StringBuilder out, TelegramDb db, FakeBotApi bot, TelegramUser u, String input, Action action) throws Exception {
        int before = sent(bot, u).size();
        action.run();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (db.count("select count(*) from outbox where channel = 'telegram' and recipient = ? and status in ('queued', 'sending')", u.chat()) > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        out.append('\n').append(input).append('\n');
        List<FakeBotApi.Call> calls = sent(bot, u);
        for (FakeBotApi.Call c : calls.subList(before, calls.size())) {
            out.append("< ").append(c.method()).append('\n');
            for (String line : c.text().split("\n", -1)) {
                out.append("  | ").append(line.replace('\u2068', '⟨').replace('\u2069', '⟩')).append('\n');
            }
            c.callbackData().forEach(d -> out.append("  [").append(d).append("]\n"));
        }
    }

    private static List<FakeBotApi.Call> sent(FakeBotApi bot, TelegramUser u) {
        return bot.messagesTo(u.chat());
    }
}
