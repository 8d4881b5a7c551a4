package nl.stem.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.media.MediaFetcher;
import nl.stem.media.MediaObject;
import nl.stem.outbox.ChannelSender.SendResult;
import nl.stem.outbox.FailureReason;

/** Outbound through the fake Twilio: the window, templates, retries, error codes and status callbacks. */
@QuarkusTest
class WhatsAppDeliveryTest {
    @Inject
    DataSource db;
    @Inject
    WhatsAppSender sender;
    @Inject
    WhatsAppMediaFetcher fetcher;

    private Phone respondent() throws Exception {
        return OutboxDrain.farsiRespondent(db);
    }

    private long queue(Phone p, String kind, String text) throws Exception {
        String payload = "{\"kind\":\"" + kind + "\",\"text\":\"" + text + "\",\"buttons\":[],\"rtl\":true,\"questionId\":null}";
        return ((Number) Db.value(db, "with x as (insert into outbox (channel, respondent_id, recipient, priority, payload, idempotency_key, status) "
                + "select 'whatsapp', respondent_id, provider_id, 10, ?::jsonb, ?, '" + OutboxDrain.HELD + "' from channel_identities where channel = 'whatsapp' "
                + "and provider_id = ? returning id) select id from x", payload, UUID.randomUUID(), p.from)).longValue();
    }

    private SendResult send(long id) throws Exception {
        return OutboxDrain.send(db, sender, id);
    }

    @Test
    void invitation_whenOutsideTheWindow_goesAsTheTemplateAndAFreeFormQuestionNeverGoes() throws Exception {
        Phone p = respondent();
        Db.update(db, "update channel_identities set last_inbound_at = ? where provider_id = ?",
                Timestamp.from(Instant.now().minus(3, ChronoUnit.DAYS)), p.from);
        long invitation = queue(p, "INVITATION", "سلام! لطفاً در نظرسنجی ما شرکت کنید.\\nممنون");
        long question = queue(p, "QUESTION", "سوال؟");
        int attemptsBefore = FakeTwilioControl.attempts();

        assertInstanceOf(SendResult.Sent.class, send(invitation));
        assertEquals(new SendResult.Failed("outside the 24-hour window", false, FailureReason.OUTSIDE_WINDOW), send(question));
        assertEquals(attemptsBefore + 1, FakeTwilioControl.attempts(), "the question was never attempted");
        List<Map<String, String>> got = FakeTwilioControl.messagesTo(p.from);
        Map<String, String> last = got.get(got.size() - 1);
        assertEquals("HXinvitefa00000000000000000000000", last.get("ContentSid"));
        assertNull(last.get("Body"));
        assertEquals("{\"1\":\"سلام! لطفاً در نظرسنجی ما شرکت کنید. ممنون\"}", last.get("ContentVariables"));
        assertEquals(Webhooks.PUBLIC_URL + "/webhooks/twilio/status", last.get("StatusCallback"));
    }

    @Test
    void reply_whenTheWindowIsNotRecordedYet_waitsBrieflyThenFails() throws Exception {
        Phone p = respondent();
        Db.update(db, "update channel_identities set last_inbound_at = null where provider_id = ?", p.from);
        long fresh = queue(p, "QUESTION", "سوال؟");
        assertInstanceOf(SendResult.Retry.class, send(fresh),
                "first contact: the webhook records the window just after the commit");
        Db.update(db, "update outbox set created_at = now() - interval '5 minutes' where id = ?", fresh);
        assertEquals(new SendResult.Failed("outside the 24-hour window", false, FailureReason.OUTSIDE_WINDOW), send(fresh));
    }

    @Test
    void invitation_whenInsideTheWindow_goesAsFreeFormText() throws Exception {
        Phone p = respondent();
        send(queue(p, "INVITATION", "یادآوری"));
        List<Map<String, String>> got = FakeTwilioControl.messagesTo(p.from);
        assertEquals("یادآوری", got.get(got.size() - 1).get("Body"));
        assertNull(got.get(got.size() - 1).get("ContentSid"));
    }

    @Test
    void serverError_whenTwilioAcceptedButAnswered500_isRetriedWithTheSameKeyAndTheRespondentGetsOneMessage() throws Exception {
        Phone p = respondent();
        int before = FakeTwilioControl.messagesTo(p.from).size();
        long id = queue(p, "NOTICE", "پیام");
        FakeTwilioControl.failNext(1, true);

        assertInstanceOf(SendResult.Retry.class, send(id), "a 5xx goes back to the outbox as a Retry");
        SendResult second = send(id);

        assertInstanceOf(SendResult.Sent.class, second);
        List<Map<String, String>> got = FakeTwilioControl.messagesTo(p.from);
        assertEquals(before + 1, got.size(), "one message reached the respondent");
        Map<String, String> m = got.get(got.size() - 1);
        assertEquals(Db.value(db, "select idempotency_key::text from outbox where id = ?", id), m.get("token"));
        assertEquals(m.get("sid"), ((SendResult.Sent) second).providerMessageId(), "the resend got the first message's SID");
        assertEquals(2L, Db.count(db, "select attempts from outbox where id = ?", id));
    }

    @Test
    void serverError_whenTwilioFailedBeforeAccepting_isRetriedAndSentOnce() throws Exception {
        Phone p = respondent();
        int before = FakeTwilioControl.messagesTo(p.from).size();
        long id = queue(p, "NOTICE", "پیام");
        FakeTwilioControl.failNext(1, false);
        assertInstanceOf(SendResult.Retry.class, send(id));
        assertInstanceOf(SendResult.Sent.class, send(id));
        assertEquals(before + 1, FakeTwilioControl.messagesTo(p.from).size());
    }

    @Test
    void error63016_whenTwilioRefusesAtOnce_failsAsNeedingATemplate() throws Exception {
        Phone p = respondent();
        long id = queue(p, "NOTICE", "پیام");
        FakeTwilioControl.errorNext(400, 63016);
        assertEquals(new SendResult.Failed("needs template", false, FailureReason.NEEDS_TEMPLATE, "63016"), send(id));
    }

    @Test
    void error21610_whenTwilioRefuses_failsAsUnreachable() throws Exception {
        Phone p = respondent();
        long id = queue(p, "NOTICE", "پیام");
        FakeTwilioControl.errorNext(400, 21610);
        assertEquals(new SendResult.Failed("recipient opted out (Twilio 21610)", true, FailureReason.UNREACHABLE, "21610"), send(id));
    }

    @Test
    void otherClientError_failsWithoutRetry() throws Exception {
        Phone p = respondent();
        long id = queue(p, "NOTICE", "پیام");
        FakeTwilioControl.errorNext(400, 21617); // the body is over 1,600 characters
        SendResult r = send(id);
        assertInstanceOf(SendResult.Failed.class, r);
        assertEquals(false, ((SendResult.Failed) r).recipientUnreachable());
        assertEquals(FailureReason.REFUSED, ((SendResult.Failed) r).code());
        assertEquals("21617", ((SendResult.Failed) r).detail());
    }

    @Test
    void statusCallbacks_whenTheyArriveInReverseOrder_endAtTheHighestStatus() throws Exception {
        Phone p = respondent();
        String sid = (String) Db.value(db, "select provider_message_id from outbox where recipient = ? order by id desc limit 1", p.from);
        assertNotNull(sid);
        for (String status : new String[] {"read", "delivered", "sent", "sending", "queued"}) {
            assertEquals(200, Webhooks.status("status", Map.of("MessageSid", sid, "MessageStatus", status, "To", p.from)).statusCode());
        }
        assertEquals("read", Db.value(db, "select delivery_status from outbox where provider_message_id = ?", sid));
        assertNotNull(Db.value(db, "select delivery_updated_at from outbox where provider_message_id = ?", sid));
    }

    @Test
    void statusCallback_with63016_marksTheMessageAsNeedingATemplateForGood() throws Exception {
        Phone p = respondent();
        String sid = (String) Db.value(db, "select provider_message_id from outbox where recipient = ? order by id desc limit 1", p.from);
        Webhooks.status("status", Map.of("MessageSid", sid, "MessageStatus", "queued", "To", p.from));
        Webhooks.status("status_error", Map.of("MessageSid", sid, "MessageStatus", "undelivered", "ErrorCode", "63016", "To", p.from));
        Webhooks.status("status", Map.of("MessageSid", sid, "MessageStatus", "sent", "To", p.from));
        assertEquals("needs_template", Db.value(db, "select delivery_status from outbox where provider_message_id = ?", sid));
        assertEquals("63016", Db.value(db, "select delivery_error from outbox where provider_message_id = ?", sid));
    }

    @Test
    void statusCallback_with21610_marksTheNumberOptedOutAndNothingMoreIsSent() throws Exception {
        Phone p = respondent();
        String sid = (String) Db.value(db, "select provider_message_id from outbox where recipient = ? order by id desc limit 1", p.from);
        Webhooks.status("status_error", Map.of("MessageSid", sid, "MessageStatus", "failed", "ErrorCode", "21610", "To", p.from));
        assertNotNull(Db.value(db, "select unreachable_at from channel_identities where provider_id = ?", p.from));
        long id = queue(p, "NOTICE", "پیام");
        int attempts = FakeTwilioControl.attempts();
        assertEquals(new SendResult.Failed("recipient opted out on WhatsApp", true), send(id));
        assertEquals(attempts, FakeTwilioControl.attempts(), "Twilio not called");
    }

    @Test
    void mediaFetcher_whenTheFileIsGoneOrElsewhere_failsPermanently() {
        MediaObject gone = new MediaObject();
        gone.providerRef = FakeTwilioControl.base() + "/2010-04-01/Accounts/" + FakeTwilio.ACCOUNT_SID + "/Messages/MMx/Media/MEgone";
        MediaFetcher.MediaFetchException e = assertThrows(MediaFetcher.MediaFetchException.class, () -> fetcher.open(gone));
        assertTrue(e.permanent());
        MediaObject elsewhere = new MediaObject();
        elsewhere.providerRef = "http://127.0.0.1:9/2010-04-01/Accounts/" + FakeTwilio.ACCOUNT_SID + "/Messages/MMx/Media/ME1";
        e = assertThrows(MediaFetcher.MediaFetchException.class, () -> fetcher.open(elsewhere));
        assertTrue(e.permanent(), "credentials only go to the Twilio API host");
    }
}
