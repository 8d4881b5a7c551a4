package nl.stem.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.outbox.ChannelSender.SendResult;

/**
 * Answers from Twilio's side that are not Twilio's JSON (a proxy's HTML 502, an empty body, a
 * truncated body, a 4xx without a Twilio code) are retried like a 5xx, never end a message, and the
 * respondent gets the message once.
 */
@QuarkusTest
class WhatsAppOddAnswersTest {
    @Inject
    DataSource db;
    @Inject
    WhatsAppSender sender;

    @ParameterizedTest
    @ValueSource(strings = {"html502", "empty502", "empty400", "truncated201"})
    void send_whenTwilioAnswersOddly_isRetriedAndTheRespondentGetsTheMessageOnce(String odd) throws Exception {
        Phone p = Phone.fresh();
        p.text("سلام");
        OutboxDrain.awaitDelivered(db, p.from);
        int before = FakeTwilioControl.messagesTo(p.from).size();
        long id = ((Number) Db.value(db, "with x as (insert into outbox (channel, respondent_id, recipient, priority, payload, idempotency_key, status) "
                + "select 'whatsapp', respondent_id, provider_id, 10, ?::jsonb, ?, '" + OutboxDrain.HELD + "' from channel_identities "
                + "where channel = 'whatsapp' and provider_id = ? returning id) select id from x",
                "{\"kind\":\"NOTICE\",\"text\":\"پیام\",\"buttons\":[],\"rtl\":true,\"questionId\":null}", UUID.randomUUID(), p.from)).longValue();
        FakeTwilioControl.answerOddly(odd, 1);

        SendResult first = OutboxDrain.send(db, sender, id);
        SendResult.Retry retry = assertInstanceOf(SendResult.Retry.class, first, odd + " is transient");
        assertTrue(!retry.reason().contains("<html"), "no body echoed into last_error: " + retry.reason());

        assertInstanceOf(SendResult.Sent.class, OutboxDrain.send(db, sender, id), "sent on the next attempt");
        List<Map<String, String>> got = FakeTwilioControl.messagesTo(p.from);
        assertEquals(before + 1, got.size(), "the respondent gets the message once");
        assertEquals("پیام", got.get(got.size() - 1).get("Body"));
    }

    @Test
    void nextMessage_whenTwilioReportedTheLastReplyUndelivered_getsThatQuestionAgain() throws Exception {
        Phone p = Phone.fresh();
        p.text("سلام");
        OutboxDrain.awaitDelivered(db, p.from);
        String sid = (String) Db.value(db, "select provider_message_id from outbox where recipient = ? order by id desc limit 1", p.from);
        assertEquals(200, Webhooks.status("status", Map.of("MessageSid", sid, "MessageStatus", "undelivered", "To", p.from)).statusCode());
        long before = Db.count(db, "select count(*) from outbox where recipient = ?", p.from);

        p.text("فارسی");
        assertEquals("choosing_language", p.session(db)[1], "the language the respondent never saw offered is not taken as chosen");
        assertEquals(before + 1, Db.count(db, "select count(*) from outbox where recipient = ?", p.from), "one message: the menu again");
        String again = (String) Db.value(db, "select payload->>'kind' from outbox where recipient = ? order by id desc limit 1", p.from);
        assertEquals("QUESTION", again);
        OutboxDrain.awaitDelivered(db, p.from);

        p.text("فارسی");
        assertEquals("fa", Db.value(db, "select r.preferred_language from respondents r join channel_identities ci on ci.respondent_id = r.id "
                + "where ci.provider_id = ?", p.from), "now it counts");
    }
}
