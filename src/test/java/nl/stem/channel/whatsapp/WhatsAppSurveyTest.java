package nl.stem.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.config.StemConfig;
import nl.stem.media.MediaStore;
import nl.stem.outbox.ChannelSender.SendResult;

/** A respondent takes "Toegang tot werk" on WhatsApp, through the real webhook, outbox and fake Twilio. */
@QuarkusTest
class WhatsAppSurveyTest {
    private static final String ANSWERS_OF = "select count(*) from answers a join channel_identities ci on ci.respondent_id = a.respondent_id "
            + "where ci.channel = 'whatsapp' and ci.provider_id = ?";
    private static final String OUTBOX_OF = "select count(*) from outbox where channel = 'whatsapp' and recipient = ?";

    @Inject
    DataSource db;
    @Inject
    WhatsAppSender sender;
    @Inject
    WhatsAppMediaFetcher fetcher;
    @Inject
    MediaStore store;
    @Inject
    StemConfig config;

    @Test
    void toegangTotWerk_whenAnsweredInFarsiWithDigitsLabelsAndAVoiceNote_storesEverythingAndRepliesOnWhatsApp() throws Exception {
        Phone p = Phone.fresh();
        p.text("سلام");
        assertEquals("choosing_language", p.session(db)[1]);
        p.text("فارسی");
        assertEquals("consent", p.session(db)[0]);
        p.tap("a:consent:yes", "بله، موافقم");
        List<String> scale = new ArrayList<>();
        while (p.session(db)[0].startsWith("help_")) {
            String q = p.session(db)[0];
            switch (scale.size() % 4) {
                case 0 -> p.text("۳");                       // Persian digit 3
                case 1 -> p.text("٤");                       // Arabic-Indic digit 4
                case 2 -> p.text("مربوط نیست");              // the "not applicable" label
                default -> p.tap("a:" + q + ":5", "5");      // a quick-reply payload
            }
            scale.add(q);
        }
        assertEquals(11, scale.size());
        assertEquals("advice", p.session(db)[0]);

        byte[] voice = ("OggS fake voice note " + UUID.randomUUID()).getBytes();
        String mediaId = "ME" + UUID.randomUUID().toString().replace("-", "");
        p.ok(p.send("voice_note", Map.of("MediaUrl0", FakeTwilioControl.media(mediaId, "audio/ogg", voice))));
        assertEquals("completed", p.session(db)[1]);

        // The media worker, woken after commit, downloads it with basic auth and stores it.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (Db.count(db, "select count(*) from media_objects m join channel_identities ci on ci.respondent_id = m.respondent_id "
                + "where ci.provider_id = ? and m.status = 'pending'", p.from) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(25);
        }
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select a.question_id, a.value::text, a.raw_text, a.language, a.channel, m.status, m.sha256, m.kind, m.mime_type
                     from answers a join channel_identities ci on ci.respondent_id = a.respondent_id
                     left join media_objects m on m.id = a.media_id
                     where ci.channel = 'whatsapp' and ci.provider_id = ? order by a.id""")) {
            ps.setString(1, p.from);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> questions = new ArrayList<>();
                while (rs.next()) {
                    String q = rs.getString(1);
                    questions.add(q);
                    assertEquals("fa", rs.getString(4));
                    assertEquals("whatsapp", rs.getString(5));
                    if (q.equals(scale.get(0))) {
                        assertEquals("۳", rs.getString(3), "raw text kept as typed");
                        assertTrue(rs.getString(2).contains("3"), rs.getString(2));
                    } else if (q.equals(scale.get(1))) {
                        assertEquals("٤", rs.getString(3));
                        assertTrue(rs.getString(2).contains("4"), rs.getString(2));
                    } else if (q.equals(scale.get(2))) {
                        assertTrue(rs.getString(2).contains("NOT_APPLICABLE"), rs.getString(2));
                    } else if (q.equals(scale.get(3))) {
                        assertTrue(rs.getString(2).contains("5"), rs.getString(2));
                    } else if (q.equals("advice")) {
                        assertEquals("stored", rs.getString(6));
                        assertEquals("audio", rs.getString(8));
                        assertEquals("audio/ogg", rs.getString(9));
                        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(voice));
                        assertEquals(sha, rs.getString(7), "the stored file is the one the fake served");
                        Path stored = store.path(sha).orElseThrow();
                        assertArrayEquals(voice, Files.readAllBytes(stored));
                    }
                }
                List<String> expected = new ArrayList<>(List.of("consent"));
                expected.addAll(scale);
                expected.add("advice");
                assertEquals(expected, questions);
            }
        }

        // Replies: every queued message reaches the fake, in order, with a status callback.
        OutboxDrain.awaitDelivered(db, p.from);
        long queued = Db.count(db, OUTBOX_OF, p.from);
        assertEquals(queued, Db.count(db, OUTBOX_OF + " and status = 'sent'", p.from), "every reply sent");
        List<Map<String, String>> got = FakeTwilioControl.messagesTo(p.from);
        assertEquals(queued, got.size());
        for (Map<String, String> m : got) {
            assertEquals("whatsapp:+3197010250000", m.get("From"));
            assertEquals(Webhooks.PUBLIC_URL + "/webhooks/twilio/status", m.get("StatusCallback"));
        }
        assertFalse(got.get(0).get("Body").contains("•"), "the language menu is numbered by the engine, not twice: " + got.get(0).get("Body"));
        Map<String, String> consent = got.get(1);
        assertEquals("HXquickfa000000000000000000000000", consent.get("ContentSid"), "2 buttons: the Farsi quick-reply template");
        assertNull(consent.get("Body"));
        assertTrue(consent.get("ContentVariables").contains("a:consent:yes"), consent.get("ContentVariables"));
        assertTrue(got.stream().anyMatch(m -> m.get("Body") != null && m.get("Body").contains("\u200F• \u2068مربوط نیست\u2069")),
                "the not-applicable option is listed in the text's direction");
        assertNotNull(Db.value(db, "select provider_message_id from outbox where recipient = ? order by id limit 1", p.from));
    }

    @Test
    void sameMessageSid_whenDeliveredTwice_givesOneAnswerAndOneReply() throws Exception {
        Phone p = Phone.fresh();
        p.text("سلام");
        p.text("فارسی");
        String sid = Phone.newSid();
        Phone.ok(p.sendAs(sid, "text", Map.of("Body", "بله")));
        long answers = Db.count(db, ANSWERS_OF, p.from);
        long replies = Db.count(db, OUTBOX_OF, p.from);
        assertEquals(1, answers);
        Phone.ok(p.sendAs(sid, "text", Map.of("Body", "بله")));
        assertEquals(answers, Db.count(db, ANSWERS_OF, p.from));
        assertEquals(replies, Db.count(db, OUTBOX_OF, p.from), "no second reply");
    }

    @Test
    void stop_whenTypedInFarsi_endsTheSessionStopped() throws Exception {
        Phone p = Phone.fresh();
        p.text("سلام");
        p.text("فارسی");
        p.text("بله");
        p.text("توقف");
        assertEquals("stopped", p.session(db)[1]);
    }

    @Test
    void stop_whenTwilioTagsAnArabicOptOut_stopsTheSessionAndMarksTheNumberOptedOut() throws Exception {
        Phone p = Phone.fresh();
        p.text("مرحبا");
        p.text("العربية");
        Phone.ok(p.send("opt_out", Map.of("Body", "إيقاف")));
        assertEquals("stopped", p.session(db)[1]);
        assertNotNull(Db.value(db, "select unreachable_at from channel_identities where channel = 'whatsapp' and provider_id = ?", p.from));
    }
}
