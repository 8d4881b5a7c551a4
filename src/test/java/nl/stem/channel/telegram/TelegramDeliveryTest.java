package nl.stem.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.outbox.OutboxSender;
import nl.stem.outbox.TestChannelSender;
import nl.stem.outbox.TestRows;

/** The real outbox sender against the fake Bot API: 429, 500, 403 and a crash mid-queue. */
@QuarkusTest
class TelegramDeliveryTest {

    @Inject
    DataSource dataSource;
    @Inject
    OutboxSender sender;
    @Inject
    TestChannelSender testChannel;

    private TelegramDb db;
    private FakeBotApi fake;

    @BeforeEach
    void setUp() {
        db = new TelegramDb(dataSource);
        fake = FakeBotApi.get();
    }

    @Test
    void sendMessage_when429WithRetryAfter_waitsThatLongThenDelivers() throws Exception {
        TelegramUser u = TelegramUser.create("ar");
        fake.failNextTo(u.chat(), "sendmessage", 1, 429, 1);
        u.start().statusCode(200);
        List<FakeBotApi.Call> calls = fake.awaitMessagesTo(u.chat(), 2, Duration.ofSeconds(15));
        long waitedMs = Duration.between(calls.get(0).at(), calls.get(1).at()).toMillis();
        assertTrue(waitedMs >= 900, "retry_after 1 s honoured, waited " + waitedMs + " ms");
        assertEquals(calls.get(0).text(), calls.get(1).text(), "the same message again");
        awaitCount("select count(*) from outbox where channel = 'telegram' and recipient = ? and status = 'sent'", u.chat(), 1);
    }

    @Test
    void sendMessage_when500_isRetriedAndDelivered() throws Exception {
        TelegramUser u = TelegramUser.create("en");
        fake.failNextTo(u.chat(), "sendmessage", 1, 500, null);
        u.start().statusCode(200);
        fake.awaitMessagesTo(u.chat(), 2, Duration.ofSeconds(15));
        awaitCount("select count(*) from outbox where channel = 'telegram' and recipient = ? and status = 'sent' and attempts >= 1", u.chat(), 1);
    }

    @Test
    void sendMessage_when403_marksTheChatUnreachableAndSendsNothingMore() throws Exception {
        TelegramUser u = TelegramUser.create("en");
        fake.failNextTo(u.chat(), "sendmessage", 1, 403, null);
        u.start().statusCode(200);
        awaitCount("select count(*) from channel_identities where channel = 'telegram' and provider_id = ? and unreachable_at is not null", u.chat(), 1);
        int before = fake.messagesTo(u.chat()).size();
        queue(u.chat(), "queued", 0, "bulk after the block");
        sender.wake();
        awaitCount("select count(*) from outbox where channel = 'telegram' and recipient = ? and status = 'failed'", u.chat(), 2);
        assertEquals(before, fake.messagesTo(u.chat()).size(), "no call to a chat that blocked the bot");
    }

    @Test
    void sender_whenAnotherChannelWorksThroughABacklog_stillSendsTelegramAtOnce() throws Exception {
        TestRows rows = new TestRows(dataSource);
        testChannel.limits(2, Duration.ZERO); // every send slot of testchan waits for its rate
        try {
            for (int i = 0; i < 24; i++) {
                rows.queue(TestChannelSender.CHANNEL, rows.recipient(TestChannelSender.CHANNEL), 100, "bulk " + i);
            }
            sender.wake();
            TestRows.await(Duration.ofSeconds(5), "testchan slots busy", () -> sender.inFlight() >= 8);
            TelegramUser u = TelegramUser.create("en");
            long started = System.nanoTime();
            u.start().statusCode(200);
            fake.awaitMessagesTo(u.chat(), 1, Duration.ofSeconds(15));
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            assertTrue(tookMs < 3_000, "the Telegram reply did not wait for testchan's backlog (12 s at 2/s), took " + tookMs + " ms");
        } finally {
            rows.exec("delete from outbox where channel = ? and status = 'queued'", TestChannelSender.CHANNEL);
            testChannel.reset();
        }
    }

    @Test
    void sender_whenTheProcessDiedMidQueue_sendsEveryClaimedMessageInOrderAfterRecovery() throws Exception {
        TelegramUser u = TelegramUser.create("en");
        u.start().statusCode(200);
        int before = fake.awaitMessagesTo(u.chat(), 1, Duration.ofSeconds(10)).size();
        // What a process that died after claiming leaves behind: rows in 'sending' with an old claim.
        queue(u.chat(), "sending", 300, "one");
        queue(u.chat(), "queued", 0, "two");
        queue(u.chat(), "queued", 0, "three");
        assertTrue(sender.recoverStuck() >= 1);
        sender.wake();
        List<FakeBotApi.Call> calls = fake.awaitMessagesTo(u.chat(), before + 3, Duration.ofSeconds(15));
        assertEquals(List.of("one", "two", "three"), calls.subList(before, before + 3).stream().map(FakeBotApi.Call::text).toList());
    }

    /** Inserts an outbox row for the chat; {@code claimedSecondsAgo} > 0 makes it look claimed by a dead process. */
    private void queue(String chat, String status, int claimedSecondsAgo, String text) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     insert into outbox (channel, respondent_id, recipient, priority, payload, status, idempotency_key, claimed_at, next_attempt_at)
                     select 'telegram', ci.respondent_id, ci.provider_id, 10, ?::jsonb, ?, ?, now() - make_interval(secs => ?), now()
                     from channel_identities ci where ci.channel = 'telegram' and ci.provider_id = ?""")) {
            ps.setString(1, "{\"kind\":\"NOTICE\",\"text\":\"" + text + "\",\"buttons\":[],\"rtl\":false,\"questionId\":null}");
            ps.setString(2, status);
            ps.setObject(3, UUID.randomUUID());
            ps.setInt(4, claimedSecondsAgo);
            ps.setString(5, chat);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private void awaitCount(String sql, String chat, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        long n = db.count(sql, chat);
        while (n < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
            n = db.count(sql, chat);
        }
        assertEquals(expected, n, sql);
    }
}
