package nl.stem.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.outbox.OutboxSender;

/**
 * Every Twilio failure Stem acts on, through the real outbox sender and the fake Twilio: each code
 * answered at once (the REST call) or later (a status callback), and the outcome it leads to
 * (TwilioErrors lists the codes and their sources).
 */
@QuarkusTest
class TwilioFailuresTest {
    static final String INVITE_FA = "HXinvitefa00000000000000000000000";

    @Inject
    DataSource db;
    @Inject
    OutboxSender sender;

    private Phone respondent() throws Exception {
        return OutboxDrain.farsiRespondent(db);
    }

    /** Queues a bulk message for the background sender; a panel message ({@code INVITATION}) carries its template variables. */
    private long queue(Phone p, String kind) throws Exception {
        String template = kind.equals("INVITATION")
                ? ",\"template\":{\"name\":\"invitation\",\"variables\":{\"1\":\"Stem\",\"2\":\"Werk\",\"3\":\"4\"}}" : "";
        String payload = "{\"kind\":\"" + kind + "\",\"text\":\"پیام\",\"buttons\":[],\"rtl\":true,\"questionId\":null" + template + "}";
        long id = ((Number) Db.value(db, "with x as (insert into outbox (channel, respondent_id, recipient, priority, payload, idempotency_key, status) "
                + "select 'whatsapp', respondent_id, provider_id, 10, ?::jsonb, ?, 'queued' from channel_identities where channel = 'whatsapp' "
                + "and provider_id = ? returning id) select id from x", payload, UUID.randomUUID(), p.from)).longValue();
        sender.wake();
        return id;
    }

    private Object col(long id, String column) throws Exception {
        return Db.value(db, "select " + column + " from outbox where id = ?", id);
    }

    private void awaitStatus(long id, String status) throws Exception {
        await("outbox " + id + " " + status, () -> {
            try {
                return status.equals(col(id, "status"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Waits until the row waits again (deferred) after at least {@code deferrals} deferrals. */
    private void awaitDeferred(long id, int deferrals) throws Exception {
        await("outbox " + id + " deferred " + deferrals + " times", () -> {
            try {
                return "queued".equals(col(id, "status")) && ((Number) col(id, "deferrals")).intValue() >= deferrals;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Duration untilNext(Object nextAttemptAt) {
        Instant at = nextAttemptAt instanceof java.sql.Timestamp t ? t.toInstant() : ((java.time.OffsetDateTime) nextAttemptAt).toInstant();
        return Duration.between(Instant.now(), at);
    }

    private static void assertAbout(Duration expected, Duration actual) {
        assertTrue(actual.compareTo(expected.minusMinutes(2)) > 0 && actual.compareTo(expected.plusMinutes(1)) < 0,
                "expected about " + expected + ", was " + actual);
    }

    // ---- answered at once (the REST call)

    @Test
    void error63016_onAnInvitation_isSentAgainAsTheTemplate() throws Exception {
        Phone p = respondent();
        int before = FakeTwilioControl.messagesTo(p.from).size();
        FakeTwilioControl.errorNext(400, 63016);
        long id = queue(p, "INVITATION");
        awaitStatus(id, "sent");
        assertEquals(true, col(id, "send_as_template"));
        List<Map<String, String>> got = FakeTwilioControl.messagesTo(p.from);
        assertEquals(before + 1, got.size(), "one message reached them: the template");
        assertEquals(INVITE_FA, got.get(got.size() - 1).get("ContentSid"));
        assertEquals("{\"1\":\"Stem\",\"2\":\"Werk\",\"3\":\"4\"}", got.get(got.size() - 1).get("ContentVariables"));
    }

    @Test
    void error63016_onAQuestion_failsAsNeedingATemplate() throws Exception {
        Phone p = respondent();
        FakeTwilioControl.errorNext(400, 63016);
        long id = queue(p, "QUESTION");
        awaitStatus(id, "failed");
        assertEquals("needs_template:63016", col(id, "failure_reason"));
    }

    @Test
    void error63018_backsOffAndIsTriedAgain_aBoundedNumberOfTimes() throws Exception {
        Phone p = respondent();
        FakeTwilioControl.errorNext(400, 63018);
        long id = queue(p, "NOTICE");
        awaitDeferred(id, 1);
        assertEquals("rate_limited", col(id, "failure_reason"));
        assertAbout(Duration.ofMinutes(15), untilNext(col(id, "next_attempt_at")));
        assertEquals(0, col(id, "attempts"), "a deferral is not a failed attempt");
        Db.update(db, "update outbox set next_attempt_at = now() where id = ?", id);
        sender.wake();
        awaitStatus(id, "sent");
        assertNull(col(id, "failure_reason"));
    }

    @Test
    void error63049_isRetriedHoursLaterWithAGrowingDelay_thenGivenUp() throws Exception {
        Phone p = respondent();
        long id = 0;
        String key = null;
        for (int n = 1; n <= 3; n++) {
            FakeTwilioControl.errorNext(400, 63049);
            if (n == 1) {
                id = queue(p, "NOTICE");
            } else {
                Db.update(db, "update outbox set next_attempt_at = now() where id = ?", id);
                sender.wake();
            }
            awaitDeferred(id, n);
            assertAbout(Duration.ofHours(4L << (n - 1)), untilNext(col(id, "next_attempt_at")));
            assertEquals("suppressed", col(id, "failure_reason"));
            String newKey = String.valueOf(col(id, "idempotency_key"));
            assertNotEquals(key, newKey, "Twilio would answer a resend with the old token with its first answer");
            key = newKey;
        }
        FakeTwilioControl.errorNext(400, 63049);
        Db.update(db, "update outbox set next_attempt_at = now() where id = ?", id);
        sender.wake();
        awaitStatus(id, "failed");
        assertEquals("suppressed", col(id, "failure_reason"));
        assertTrue(String.valueOf(col(id, "last_error")).contains("given up after 3 retries"), String.valueOf(col(id, "last_error")));
    }

    @ParameterizedTest
    @ValueSource(ints = {63024, 21211, 63032})
    void recipientCannotReceive_marksTheNumberUnreachable(int code) throws Exception {
        Phone p = respondent();
        FakeTwilioControl.errorNext(400, code);
        long id = queue(p, "NOTICE");
        awaitStatus(id, "failed");
        assertEquals("not_on_whatsapp:" + code, col(id, "failure_reason"));
        assertNotNull(Db.value(db, "select unreachable_at from channel_identities where provider_id = ?", p.from));
        long next = queue(p, "NOTICE");
        awaitStatus(next, "failed");
        assertEquals("recipient unreachable", col(next, "last_error"), "nothing more goes to them");
        // They write again: reachable again.
        p.text("سلام");
        assertNull(Db.value(db, "select unreachable_at from channel_identities where provider_id = ?", p.from));
    }

    @Test
    void error21610_optsOut_asToday() throws Exception {
        Phone p = respondent();
        FakeTwilioControl.errorNext(400, 21610);
        long id = queue(p, "NOTICE");
        awaitStatus(id, "failed");
        assertEquals("unreachable:21610", col(id, "failure_reason"));
        assertNotNull(Db.value(db, "select unreachable_at from channel_identities where provider_id = ?", p.from));
    }

    // ---- reported later (status callbacks)

    private String sentSid(Phone p, String kind) throws Exception {
        long id = queue(p, kind);
        awaitStatus(id, "sent");
        return (String) col(id, "provider_message_id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"30003", "30005", "30006", "30007", "30008"})
    void deliveryFailure_isRecordedWithItsReason(String code) throws Exception {
        Phone p = respondent();
        String sid = sentSid(p, "NOTICE");
        Webhooks.status("status_error", Map.of("MessageSid", sid, "MessageStatus", "undelivered", "ErrorCode", code, "To", p.from));
        assertEquals("undelivered", Db.value(db, "select delivery_status from outbox where provider_message_id = ?", sid));
        assertEquals(code, Db.value(db, "select delivery_error from outbox where provider_message_id = ?", sid));
        assertEquals("undelivered:" + code, Db.value(db, "select failure_reason from outbox where provider_message_id = ?", sid));
        assertNull(Db.value(db, "select unreachable_at from channel_identities where provider_id = ?", p.from),
                "a handset off or a filtered message does not end the number");
    }

    @Test
    void callback63016_onAnInvitationSentAsText_sendsItAgainAsTheTemplate() throws Exception {
        Phone p = respondent();
        long id = queue(p, "INVITATION");
        awaitStatus(id, "sent");
        String sid = (String) col(id, "provider_message_id");
        assertNull(FakeTwilioControl.messagesTo(p.from).get(FakeTwilioControl.messagesTo(p.from).size() - 1).get("ContentSid"));
        Webhooks.status("status_error", Map.of("MessageSid", sid, "MessageStatus", "undelivered", "ErrorCode", "63016", "To", p.from));
        sender.wake();
        await("the template", () -> {
            List<Map<String, String>> got = FakeTwilioControl.messagesTo(p.from);
            return INVITE_FA.equals(got.get(got.size() - 1).get("ContentSid"));
        });
        awaitStatus(id, "sent");
        assertNotEquals(sid, col(id, "provider_message_id"));
    }

    @Test
    void callback63049_queuesTheMessageAgainHoursLater() throws Exception {
        Phone p = respondent();
        long id = queue(p, "INVITATION");
        awaitStatus(id, "sent");
        String sid = (String) col(id, "provider_message_id");
        Object key = col(id, "idempotency_key");
        Webhooks.status("status_error", Map.of("MessageSid", sid, "MessageStatus", "failed", "ErrorCode", "63049", "To", p.from));
        assertEquals("queued", col(id, "status"));
        assertEquals(1, col(id, "deferrals"));
        assertEquals("suppressed", col(id, "failure_reason"));
        assertAbout(Duration.ofHours(4), untilNext(col(id, "next_attempt_at")));
        assertNotEquals(key, col(id, "idempotency_key"));
        // Cancelled so that no later test's clock sends it.
        Db.update(db, "update outbox set status = 'cancelled' where id = ?", id);
    }

    @Test
    void callback63024_marksTheNumberUnreachable() throws Exception {
        Phone p = respondent();
        String sid = sentSid(p, "NOTICE");
        Webhooks.status("status_error", Map.of("MessageSid", sid, "MessageStatus", "failed", "ErrorCode", "63024", "To", p.from));
        assertEquals("not_on_whatsapp:63024", Db.value(db, "select failure_reason from outbox where provider_message_id = ?", sid));
        assertNotNull(Db.value(db, "select unreachable_at from channel_identities where provider_id = ?", p.from));
    }

    @Test
    void callback_withAnOddErrorCode_isRecordedAndNothingBreaks() throws Exception {
        Phone p = respondent();
        String sid = sentSid(p, "NOTICE");
        assertEquals(200, Webhooks.status("status_error", Map.of("MessageSid", sid, "MessageStatus", "failed",
                "ErrorCode", "99999999999999", "To", p.from)).statusCode());
        assertEquals("failed", Db.value(db, "select delivery_status from outbox where provider_message_id = ?", sid));
        assertEquals(200, Webhooks.status("status_error", Map.of("MessageSid", "SMnope", "MessageStatus", "failed",
                "ErrorCode", "abc", "To", p.from)).statusCode());
        assertNull(Db.value(db, "select unreachable_at from channel_identities where provider_id = ?", p.from));
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(25);
        }
    }
}
