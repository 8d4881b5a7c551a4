package nl.stem.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.engine.Button;
import nl.stem.engine.Outbound;
import nl.stem.outbox.ChannelSender.SendResult;
import nl.stem.outbox.OutboxMessage;

/** TelegramSender against the fake Bot API: rendering and how each answer is classified. */
@QuarkusTest
class TelegramSenderTest {
    private static final AtomicLong IDS = new AtomicLong(-1_000_000 - (System.nanoTime() % 1_000_000));

    @Inject
    TelegramSender sender;
    @Inject
    ObjectMapper json;
    FakeBotApi fake;

    @BeforeEach
    void setUp() {
        fake = FakeBotApi.get();
    }

    @Test
    void send_whenTelegramAnswers429WithRetryAfter_isRetryAfterThatLong() throws Exception {
        String chat = chat();
        fake.failNextTo(chat, "sendMessage", 1, 429, 17);
        SendResult r = sender.send(message(chat, question("Hoe gaat het?")));
        SendResult.Retry retry = assertInstanceOf(SendResult.Retry.class, r);
        assertEquals(Duration.ofSeconds(17), retry.after());
        assertInstanceOf(SendResult.Sent.class, sender.send(message(chat, question("Hoe gaat het?"))), "sent once Telegram allows");
    }

    @Test
    void send_whenTelegramAnswers500_isRetry() throws Exception {
        String chat = chat();
        fake.failNextTo(chat, "sendMessage", 1, 500, null);
        SendResult.Retry retry = assertInstanceOf(SendResult.Retry.class, sender.send(message(chat, question("Vraag"))));
        assertTrue(retry.after().compareTo(Duration.ofSeconds(30)) < 0, "retried soon");
    }

    @Test
    void send_whenTheUserBlockedTheBot_isFailedUnreachable() throws Exception {
        String chat = chat();
        fake.failNextTo(chat, "sendMessage", 1, 403, null);
        SendResult.Failed failed = assertInstanceOf(SendResult.Failed.class, sender.send(message(chat, question("Vraag"))));
        assertTrue(failed.recipientUnreachable());
        String other = chat();
        fake.failNextTo(other, "sendMessage", 1, 400, null);
        SendResult.Failed bad = assertInstanceOf(SendResult.Failed.class, sender.send(message(other, question("Vraag"))));
        assertTrue(!bad.recipientUnreachable(), "another 4xx is permanent but says nothing about the user");
    }

    @Test
    void send_whenOk_rendersButtonsAsInlineKeyboardWithTheIssuedCallbackData() throws Exception {
        String chat = chat();
        List<Button> buttons = List.of(new Button("a:help_vwn:1", "1"), new Button("a:help_vwn:2", "2"), new Button("a:help_vwn:3", "3"),
                new Button("a:help_vwn:4", "4"), new Button("a:help_vwn:5", "5"), new Button("a:help_vwn:na", "لا ينطبق عليّ"));
        SendResult r = sender.send(message(chat, new Outbound(Outbound.Kind.QUESTION, "كيف ساعدك؟", buttons, true, "help_vwn")));
        SendResult.Sent sent = assertInstanceOf(SendResult.Sent.class, r);
        assertTrue(sent.providerMessageId() != null);
        FakeBotApi.Call call = fake.awaitMessagesTo(chat, 1, Duration.ofSeconds(5)).get(0);
        assertEquals(List.of("a:help_vwn:1", "a:help_vwn:2", "a:help_vwn:3", "a:help_vwn:4", "a:help_vwn:5", "a:help_vwn:na"), call.callbackData());
        var rows = call.json().path("reply_markup").path("inline_keyboard");
        assertEquals(2, rows.size(), "five numbers on one row, the long label on its own");
        assertEquals(5, rows.get(0).size());
        assertEquals("كيف ساعدك؟", call.text());
    }

    @Test
    void send_whenTextLongerThan4096_sendsPartsAtGraphemeBoundariesWithButtonsOnTheLast() throws Exception {
        String chat = chat();
        // 4095 letters then a family emoji (11 UTF-16 units, one grapheme) straddling the limit.
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66";
        String text = "a".repeat(4095) + family + "b".repeat(5000);
        SendResult r = sender.send(message(chat, new Outbound(Outbound.Kind.QUESTION, text, List.of(new Button("a:q:yes", "Ja")), false, "q")));
        assertInstanceOf(SendResult.Sent.class, r);
        List<FakeBotApi.Call> parts = fake.awaitMessagesTo(chat, 3, Duration.ofSeconds(5));
        assertEquals(3, parts.size());
        StringBuilder joined = new StringBuilder();
        for (FakeBotApi.Call p : parts) {
            assertTrue(p.text().length() <= 4096);
            joined.append(p.text());
        }
        assertEquals(text, joined.toString(), "nothing lost or changed");
        assertEquals("a".repeat(4095), parts.get(0).text(), "the emoji is not cut in half");
        assertTrue(parts.get(0).callbackData().isEmpty() && parts.get(1).callbackData().isEmpty());
        assertEquals(List.of("a:q:yes"), parts.get(2).callbackData());
    }

    @Test
    void send_whenALaterPartFails_retrySendsOnlyTheRest() throws Exception {
        String chat = chat();
        String text = "x".repeat(4096) + "y".repeat(100);
        OutboxMessage m = message(chat, new Outbound(Outbound.Kind.NOTICE, text, List.of(), false, null));
        fake.passThenFail("sendMessage@" + chat, 1, 500); // this chat only
        SendResult first = sender.send(m);
        assertInstanceOf(SendResult.Retry.class, first);
        assertInstanceOf(SendResult.Sent.class, sender.send(m));
        List<String> texts = fake.messagesTo(chat).stream().map(FakeBotApi.Call::text).toList();
        assertEquals(List.of("x".repeat(4096), "y".repeat(100), "y".repeat(100)), texts,
                "the failed call was recorded by the fake, then only the second part was sent again");
    }

    @Test
    void send_whenButtonPayloadOver64Bytes_isFailedNotSent() throws Exception {
        String chat = chat();
        SendResult r = sender.send(message(chat, new Outbound(Outbound.Kind.QUESTION, "Vraag",
                List.of(new Button("a:" + "q".repeat(70) + ":yes", "Ja")), false, "q")));
        assertInstanceOf(SendResult.Failed.class, r);
        assertTrue(fake.messagesTo(chat).isEmpty());
    }

    private static String chat() {
        return String.valueOf(7_000_000_000L + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L));
    }

    private static Outbound question(String text) {
        return new Outbound(Outbound.Kind.QUESTION, text, List.of(new Button("a:q:yes", "Ja"), new Button("a:q:no", "Nee")), false, "q");
    }

    private OutboxMessage message(String chat, Outbound o) throws Exception {
        OutboxMessage m = new OutboxMessage();
        m.id = IDS.decrementAndGet();
        m.channel = "telegram";
        m.recipient = chat;
        m.payload = json.writeValueAsString(o);
        m.status = "queued";
        m.idempotencyKey = UUID.randomUUID();
        m.createdAt = Instant.now();
        m.nextAttemptAt = Instant.now();
        return m;
    }
}
