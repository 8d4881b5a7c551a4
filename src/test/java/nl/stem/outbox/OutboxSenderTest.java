package nl.stem.outbox;

import nl.stem.identity.IdentityStore;

import static nl.stem.outbox.TestChannelSender.CHANNEL;
import static nl.stem.outbox.TestChannelSender.failed;
import static nl.stem.outbox.TestChannelSender.retry;
import static nl.stem.outbox.TestChannelSender.throwing;
import static nl.stem.outbox.TestRows.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.outbox.TestChannelSender.Call;
import nl.stem.outbox.TestRows.Recipient;

/**
 * The outbox sender against PostgreSQL with a scripted channel ({@code testchan}). Rows are inserted
 * directly; the sender's own drain loop sends them (the poll is 30 s in tests, so every send here
 * comes from a wake-up: {@code wake()}, a finished send, a due retry, or an after-commit event).
 */
@QuarkusTest
class OutboxSenderTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    DataSource db;
    @Inject
    OutboxSender sender;
    @Inject
    TestChannelSender channel;
    @Inject
    IdentityStore reachability;
    @Inject
    QueueingTransaction queueing;

    TestRows rows;

    @BeforeEach
    void setUp() {
        rows = new TestRows(db);
        channel.reset();
        rows.exec("delete from outbox where channel = ?", CHANNEL);
    }

    @AfterEach
    void tearDown() {
        channel.reset();
    }

    @Test
    void outboxSender_whenFirstMessageRetried_keepsOrderPerRecipient() {
        Recipient r = rows.recipient(CHANNEL);
        channel.script(r.id(), retry(Duration.ZERO), retry(Duration.ZERO));
        long m1 = rows.queue(CHANNEL, r, 0, "one");
        long m2 = rows.queue(CHANNEL, r, 0, "two");
        long m3 = rows.queue(CHANNEL, r, 0, "three");
        sender.wake();

        awaitStatus(m3, "sent");
        List<Long> order = channel.calls(r.id()).stream().map(Call::outboxId).toList();
        assertEquals(List.of(m1, m1, m1, m2, m3), order);
        assertEquals(3, rows.attempts(m1));
        assertEquals("sent", rows.status(m1));
        assertEquals("sent", rows.status(m2));
    }

    @Test
    void outboxSender_whenBulkQueuedBeforeReplies_sendsRepliesFirst() {
        channel.limits(50, Duration.ZERO);
        Instant later = Instant.now().plusSeconds(3600);
        List<Long> bulk = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            bulk.add(rows.queue(CHANNEL, rows.recipient(CHANNEL), OutboxMessage.PRIORITY_BULK, "invite", later));
        }
        List<Recipient> replyTo = List.of(rows.recipient(CHANNEL), rows.recipient(CHANNEL), rows.recipient(CHANNEL));
        Set<String> replyIds = replyTo.stream().map(Recipient::id).collect(Collectors.toSet());
        replyTo.forEach(r -> rows.queue(CHANNEL, r, OutboxMessage.PRIORITY_REPLY, "reply", later));
        // All 23 become due in one statement, so no drain sees the bulk rows before the replies.
        rows.exec("update outbox set next_attempt_at = now() where channel = ?", CHANNEL);
        sender.wake();

        for (long id : bulk) {
            awaitStatus(id, "sent");
        }
        List<Call> calls = allCalls(bulk, replyIds);
        assertEquals(23, calls.size());
        // Everything was due at once; the first claim (at most 8 send slots) takes the replies first.
        List<String> first = calls.subList(0, 8).stream().map(Call::recipient).toList();
        assertTrue(first.containsAll(replyIds), "replies among the first 8 sends: " + first);
    }

    @Test
    void outboxSender_whenProviderAsksToRetryAfter_waitsAtLeastThatLong() {
        Recipient r = rows.recipient(CHANNEL);
        channel.script(r.id(), retry(Duration.ofMillis(800)));
        long m = rows.queue(CHANNEL, r, 0, "hello");
        sender.wake();

        awaitStatus(m, "sent");
        List<Call> calls = channel.calls(r.id());
        assertEquals(2, calls.size());
        Duration gap = Duration.between(calls.get(0).at(), calls.get(1).at());
        assertTrue(gap.compareTo(Duration.ofMillis(790)) >= 0, "retry after 800 ms, was " + gap.toMillis() + " ms");
        assertEquals(2, rows.attempts(m));
    }

    @Test
    void outboxSender_whenRetriedUpToMaxAttempts_marksFailed() {
        Recipient r = rows.recipient(CHANNEL);
        channel.script(r.id(), retry(Duration.ZERO), retry(Duration.ZERO), retry(Duration.ZERO), retry(Duration.ZERO));
        long m = rows.queue(CHANNEL, r, 0, "hello");
        sender.wake();

        awaitStatus(m, "failed");
        assertEquals(3, rows.attempts(m), "stem.outbox.max-attempts is 3 in tests");
        assertEquals(3, channel.calls(r.id()).size());
        assertTrue(rows.lastError(m).startsWith("gave up after 3 attempts"), rows.lastError(m));
    }

    @Test
    void outboxSender_whenSenderThrows_countsItAsRetry() {
        Recipient r = rows.recipient(CHANNEL);
        channel.script(r.id(), throwing());
        long m = rows.queue(CHANNEL, r, 0, "hello");
        sender.wake();

        awaitStatus(m, "sent");
        assertEquals(2, rows.attempts(m));
        assertEquals(2, channel.calls(r.id()).size());
        assertEquals("tc-" + m, rows.value("select provider_message_id from outbox where id = ?", m));
        assertNotNull(rows.value("select sent_at from outbox where id = ?", m));
    }

    @Test
    void outboxSender_whenRecipientUnreachable_marksIdentityAndFailsOnlyTheirMessages() {
        Recipient blocked = rows.recipient(CHANNEL);
        Recipient other = rows.recipient(CHANNEL);
        channel.script(blocked.id(), failed(true));
        long b1 = rows.queue(CHANNEL, blocked, 0, "b1");
        long b2 = rows.queue(CHANNEL, blocked, 0, "b2");
        long b3 = rows.queue(CHANNEL, blocked, 10, "b3");
        long o1 = rows.queue(CHANNEL, other, 0, "o1");
        long o2 = rows.queue(CHANNEL, other, 0, "o2");
        sender.wake();

        awaitStatus(o2, "sent");
        awaitStatus(b1, "failed");
        assertEquals("test 403 blocked", rows.lastError(b1));
        assertEquals("failed", rows.status(b2));
        assertEquals("recipient unreachable", rows.lastError(b2));
        assertEquals("failed", rows.status(b3));
        assertEquals("sent", rows.status(o1));
        assertEquals(1, channel.calls(blocked.id()).size(), "nothing after the 403");
        assertTrue(reachability.isUnreachable(CHANNEL, blocked.id()));
        assertFalse(reachability.isUnreachable(CHANNEL, other.id()));
        assertNotNull(rows.value("select unreachable_at from channel_identities where channel = ? and provider_id = ?", CHANNEL, blocked.id()));

        // Queued later (e.g. a bulk invitation): failed without a provider call.
        long b4 = rows.queue(CHANNEL, blocked, 10, "b4");
        sender.wake();
        awaitStatus(b4, "failed");
        assertEquals("recipient unreachable", rows.lastError(b4));
        assertEquals(1, channel.calls(blocked.id()).size());

        // They wrote again (unblocked the bot): reachable, and new messages go out.
        reachability.markReachable(CHANNEL, blocked.id());
        assertFalse(reachability.isUnreachable(CHANNEL, blocked.id()));
        long b5 = rows.queue(CHANNEL, blocked, 0, "b5");
        sender.wake();
        awaitStatus(b5, "sent");
    }

    @Test
    void outboxSender_whenFailedPermanently_failsThatMessageAndSendsTheNext() {
        Recipient r = rows.recipient(CHANNEL);
        channel.script(r.id(), failed(false));
        long m1 = rows.queue(CHANNEL, r, 0, "too long");
        long m2 = rows.queue(CHANNEL, r, 0, "fine");
        sender.wake();

        awaitStatus(m2, "sent");
        assertEquals("failed", rows.status(m1));
        assertEquals("test 400", rows.lastError(m1));
        assertEquals(1, rows.attempts(m1));
        assertFalse(reachability.isUnreachable(CHANNEL, r.id()));
        assertEquals(List.of(m1, m2), channel.calls(r.id()).stream().map(Call::outboxId).toList());
    }

    @Test
    void outboxSender_whenPerRecipientIntervalSet_spacesMessagesToOneChatWithoutFailingThem() {
        Duration interval = Duration.ofMillis(300);
        channel.limits(10_000, interval);
        Recipient a = rows.recipient(CHANNEL);
        Recipient b = rows.recipient(CHANNEL);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(rows.queue(CHANNEL, a, 0, "a" + i));
            ids.add(rows.queue(CHANNEL, b, 0, "b" + i));
        }
        sender.wake();

        for (long id : ids) {
            awaitStatus(id, "sent");
        }
        for (Recipient r : List.of(a, b)) {
            List<Call> calls = channel.calls(r.id());
            assertEquals(4, calls.size());
            for (int i = 1; i < calls.size(); i++) {
                Duration gap = Duration.between(calls.get(i - 1).at(), calls.get(i).at());
                assertTrue(gap.compareTo(interval.minusMillis(5)) >= 0, "gap " + gap.toMillis() + " ms < " + interval.toMillis());
            }
        }
        for (long id : ids) {
            assertEquals(1, rows.attempts(id), "waiting for the interval is not an attempt");
        }
    }

    @Test
    void outboxSender_whenBurstQueued_staysUnderChannelRate() {
        int perSecond = 10;
        channel.limits(perSecond, Duration.ZERO);
        List<Recipient> recipients = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Recipient r = rows.recipient(CHANNEL);
            recipients.add(r);
            ids.add(rows.queue(CHANNEL, r, 0, "m" + i));
        }
        sender.wake();

        for (long id : ids) {
            awaitStatus(id, "sent");
        }
        List<Instant> times = channel.callsTo(recipients.stream().map(Recipient::id).collect(Collectors.toSet()))
                .stream().map(Call::at).sorted().toList();
        assertEquals(25, times.size());
        for (Instant start : times) {
            long inWindow = times.stream().filter(t -> !t.isBefore(start) && t.isBefore(start.plusSeconds(1))).count();
            assertTrue(inWindow <= perSecond + 1, inWindow + " sends in the second from " + start);
        }
        Duration span = Duration.between(times.get(0), times.get(times.size() - 1));
        assertTrue(span.compareTo(Duration.ofMillis(2300)) >= 0, "25 sends at 10/s span about 2.4 s, was " + span.toMillis() + " ms");
    }

    @Test
    void outboxSender_whenRowStuckInSendingPastTimeout_queuesItAgainAndSends() {
        Recipient stuck = rows.recipient(CHANNEL);
        Recipient busy = rows.recipient(CHANNEL);
        long old = rows.queue(CHANNEL, stuck, 0, "stuck");
        long fresh = rows.queue(CHANNEL, busy, 0, "in flight elsewhere");
        rows.exec("update outbox set status = 'sending', claimed_at = ? where id = ?", Instant.now().minusSeconds(120), old);
        rows.exec("update outbox set status = 'sending', claimed_at = ? where id = ?", Instant.now(), fresh);

        assertEquals(1, sender.recoverStuck());

        awaitStatus(old, "sent");
        assertEquals(2, rows.attempts(old), "the lost attempt counts");
        assertEquals("sending", rows.status(fresh), "claimed within the timeout: left to its sender");
        assertTrue(channel.calls(busy.id()).isEmpty());
        rows.exec("delete from outbox where id = ?", fresh);
    }

    @Test
    void outboxSender_whenQueuedEventCommits_sendsWithoutWaitingForThePoll() {
        Recipient r = rows.recipient(CHANNEL);
        Recipient previewUser = rows.recipient("preview");
        long preview = rows.queue("preview", previewUser, 0, "read by the browser");
        long m = queueing.queue(CHANNEL, r.respondentId(), r.id(), "reply");
        Instant committed = Instant.now();

        // The poll runs every 30 s in tests: only the after-commit wake-up sends this quickly.
        awaitStatus(m, "sent", Duration.ofSeconds(5));
        Call call = channel.calls(r.id()).get(0);
        assertTrue(Duration.between(committed, call.at()).compareTo(Duration.ofSeconds(5)) < 0);
        assertEquals("queued", rows.status(preview), "the preview channel has no sender: its rows are left alone");
        rows.exec("delete from outbox where id = ?", preview);
    }

    private List<Call> allCalls(List<Long> bulkIds, Set<String> replyRecipients) {
        Set<Long> ids = Set.copyOf(bulkIds);
        List<Call> all = new ArrayList<>();
        for (String recipient : replyRecipients) {
            all.addAll(channel.calls(recipient));
        }
        for (long id : ids) {
            String recipient = (String) rows.value("select recipient from outbox where id = ?", id);
            all.addAll(channel.calls(recipient));
        }
        all.sort((x, y) -> x.at().compareTo(y.at()));
        return all;
    }

    private void awaitStatus(long id, String status) {
        awaitStatus(id, status, TIMEOUT);
    }

    private void awaitStatus(long id, String status, Duration timeout) {
        await(timeout, "outbox " + id + " to be " + status, () -> status.equals(rows.status(id)));
    }
}
