package nl.stem.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Forged, misdirected and malformed webhooks: refused before the database, or answered politely; never a 500. */
@QuarkusTest
class WhatsAppWebhookSecurityTest {
    private static final String INBOUND = "/webhooks/twilio";

    @Inject
    DataSource db;

    @Test
    void inbound_whenSignatureIsForgedMissingOrForAnotherUrl_is403AndLeavesNoRow() throws Exception {
        Phone p = Phone.fresh();
        String sid = Phone.newSid();
        Map<String, String> v = p.values(sid);
        v.put("Body", "سلام");
        String form = Webhooks.form("text", v);
        String forged = TwilioSigner.sign("not-the-auth-token", Webhooks.PUBLIC_URL + INBOUND, FormBody.parse(form));
        String otherUrl = TwilioSigner.sign(FakeTwilio.AUTH_TOKEN, "https://attacker.example" + INBOUND, FormBody.parse(form));
        String otherPath = Webhooks.signature("/webhooks/twilio/status", form);
        String tampered = Webhooks.signature(INBOUND, form.replace("Body=", "Body=x"));

        long respondents = Db.count(db, "select count(*) from respondents");
        for (String signature : new String[] {forged, otherUrl, otherPath, tampered, null, ""}) {
            Webhooks.Response r = Webhooks.post(INBOUND, form, signature);
            assertEquals(403, r.statusCode(), "signature " + signature + ": " + r.body());
            assertTrue(r.body().contains("bad_signature"), r.body());
        }
        assertNoTrace(p, sid);
        assertEquals(respondents, Db.count(db, "select count(*) from respondents"), "no respondent created");
        // The same body, signed properly, goes through: the refusals were about the signature only.
        Phone.ok(Webhooks.post(INBOUND, form, Webhooks.signature(INBOUND, form)));
        assertEquals(1, Db.count(db, "select count(*) from inbound_messages where provider_message_id = ?", sid));
    }

    @Test
    void statusCallback_whenForged_is403() {
        String form = Webhooks.form("status", Map.of("MessageSid", Phone.newSid(), "MessageStatus", "read", "To", "whatsapp:+31600000000"));
        assertEquals(403, Webhooks.post("/webhooks/twilio/status", form, Webhooks.signature(INBOUND, form)).statusCode());
        assertEquals(200, Webhooks.post("/webhooks/twilio/status", form, Webhooks.signature("/webhooks/twilio/status", form)).statusCode(),
                "unknown MessageSid: acknowledged, nothing done");
    }

    @Test
    void inbound_whenMessageSidIsMissing_is400WithAProblemAndNoRow() throws Exception {
        Phone p = Phone.fresh();
        Webhooks.Response r = Webhooks.inbound("missing_message_sid", Map.of("From", p.from, "WaId", p.waId, "Body", "سلام"));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("missing_fields"), r.body());
        assertEquals(0, Db.count(db, "select count(*) from channel_identities where provider_id = ?", p.from));
    }

    @Test
    void inbound_whenBodyIsOverTheLimit_is413() {
        String form = "MessageSid=SM1&From=whatsapp%3A%2B31600000000&Body=" + "a".repeat(70_000);
        Webhooks.Response r = Webhooks.post(INBOUND, form, Webhooks.signature(INBOUND, form));
        assertEquals(413, r.statusCode());
    }

    @Test
    void inbound_whenMalformed_is400NotA500() {
        String form = "MessageSid=SM1&Body=%ZZ";
        assertEquals(400, Webhooks.post(INBOUND, form, "x").statusCode());
    }

    @Test
    void numMediaMismatchLocationAndDocument_whenSentMidSurvey_getAPoliteReprompt() throws Exception {
        Phone p = Phone.fresh();
        p.text("سلام");
        p.text("فارسی");
        String reprompts = "select count(*) from outbox where recipient = ? and payload->>'kind' = 'REPROMPT'";
        long before = Db.count(db, reprompts, p.from);
        for (String recorded : new String[] {"num_media_mismatch", "location", "document"}) {
            Map<String, String> extra = recorded.equals("document")
                    ? Map.of("MediaUrl0", FakeTwilioControl.base() + "/2010-04-01/Accounts/" + FakeTwilio.ACCOUNT_SID + "/Messages/MM1/Media/ME1")
                    : Map.of();
            Phone.ok(p.send(recorded, extra));
            assertEquals(++before, Db.count(db, reprompts, p.from), recorded);
            assertEquals("consent", p.session(db)[0], recorded);
        }
        assertEquals(0, Db.count(db, "select count(*) from media_objects m join channel_identities ci on ci.respondent_id = m.respondent_id "
                + "where ci.provider_id = ?", p.from), "nothing to download");
    }

    @Test
    void videoAndImage_whenTheQuestionWantsConsent_areAnsweredWithAReprompt() throws Exception {
        Phone p = Phone.fresh();
        p.text("سلام");
        p.text("فارسی");
        String url = FakeTwilioControl.base() + "/2010-04-01/Accounts/" + FakeTwilio.ACCOUNT_SID + "/Messages/MM2/Media/ME2";
        Phone.ok(p.send("video", Map.of("MediaUrl0", url)));
        Phone.ok(p.send("image", Map.of("MediaUrl0", url)));
        assertEquals(2, Db.count(db, "select count(*) from outbox where recipient = ? and payload->>'kind' = 'REPROMPT'", p.from));
        assertEquals("consent", p.session(db)[0]);
    }

    private void assertNoTrace(Phone p, String sid) throws Exception {
        assertEquals(0, Db.count(db, "select count(*) from inbound_messages where provider_message_id = ?", sid));
        assertEquals(0, Db.count(db, "select count(*) from channel_identities where provider_id = ?", p.from));
        assertEquals(0, Db.count(db, "select count(*) from outbox where recipient = ?", p.from));
        assertEquals(0, Db.count(db, "select count(*) from answers a join respondents r on r.id = a.respondent_id "
                + "join channel_identities ci on ci.respondent_id = r.id where ci.provider_id = ?", p.from));
    }
}
