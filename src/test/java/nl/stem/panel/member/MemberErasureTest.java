package nl.stem.panel.member;

import static io.restassured.RestAssured.given;
import static nl.stem.panel.member.Members.count;
import static nl.stem.panel.member.Members.importCsv;
import static nl.stem.panel.member.Members.number;
import static nl.stem.panel.member.Members.update;
import static nl.stem.panel.member.Members.value;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.api.ApiTokensForTests;
import nl.stem.config.StemConfig;
import nl.stem.conversation.Respondent;
import nl.stem.conversation.SessionRecord;
import nl.stem.media.MediaStore;

/**
 * Erasure: a member with everything Stem can hold about someone (two identities, a session with
 * answers, three media objects of which one file's content another respondent also sent, outbox rows
 * with and without their id, an invitation, a wave membership and contact log) is erased, and a search
 * of every table and the media directory finds nothing of theirs.
 */
@QuarkusTest
class MemberErasureTest {
    /** Answer values in the shape Stem stores them (AnswerValue), so exports can read what this test leaves. */
    private static final String TEXT_VALUE = "{\"kind\":\"TEXT\",\"text\":\"Ik woon in Utrecht\",\"media\":null,\"number\":null,\"choices\":[]}";
    private static final String MEDIA_VALUE = "{\"kind\":\"MEDIA\",\"text\":null,\"media\":{\"kind\":\"AUDIO\",\"mimeType\":\"audio/ogg\","
            + "\"sizeBytes\":12,\"providerRef\":\"test-ref\",\"durationSeconds\":1},\"number\":null,\"choices\":[]}";

    @Inject
    DataSource db;
    @Inject
    MediaStore store;
    @Inject
    StemConfig config;
    @Inject
    Erasure erasure;

    /** The member and what the test checks afterwards. */
    record Fixture(String memberId, UUID respondentId, String ownFile, String sharedFile, UUID other, long wave) {
    }

    Path mediaDir() {
        return config.media().dir().toAbsolutePath();
    }

    Fixture everything() throws Exception {
        String memberId = Members.prefix() + "erase";
        String number = number();
        importCsv(Members.HEADER + memberId + ",whatsapp," + number + ",ar,Europe/Amsterdam,given,Utrecht,2019\n")
                .then().statusCode(200);
        UUID id = UUID.fromString(value(db, "select id::text from respondents where member_id = ?", memberId));
        String chat = String.valueOf(6_000_000_000L + (long) (Math.random() * 1_000_000_000L));
        update(db, "insert into channel_identities (respondent_id, channel, provider_id, last_inbound_at) values (?, 'telegram', ?, now())",
                id, chat);
        long version = Long.parseLong(value(db, "select min(id) from survey_versions"));
        String survey = value(db, "select survey_id from survey_versions where id = ?", version);
        UUID session = session(id, version);

        String ownFile = store.put(new ByteArrayInputStream(("own " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)), 1000).sha256();
        byte[] sharedBytes = ("shared " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String sharedFile = store.put(new ByteArrayInputStream(sharedBytes), 1000).sha256();
        UUID own = media(id, ownFile, "stored");
        UUID shared = media(id, sharedFile, "stored");
        media(id, null, "pending");
        answer(session, id, version, "home", TEXT_VALUE, "Ik woon in Utrecht", null);
        answer(session, id, version, "story", MEDIA_VALUE, null, own);
        answer(session, id, version, "story2", MEDIA_VALUE, null, shared);

        // someone else sent the same bytes: that file must stay
        UUID other = UUID.randomUUID();
        update(db, "insert into respondents (id, pseudonym, status) values (?, ?, 'active')", other,
                "R" + other.toString().replace("-", "").substring(0, 12));
        UUID otherSession = session(other, version);
        answer(otherSession, other, version, "story", MEDIA_VALUE, null, media(other, sharedFile, "stored"));

        long reply = outbox(id, "whatsapp", "whatsapp:" + number, "sent");
        outbox(null, "whatsapp", "whatsapp:" + number, "failed");
        outbox(null, "telegram", chat, "queued");
        String token = UUID.randomUUID().toString().replace("-", "") + "abcdefghijk";
        update(db, "insert into invitations (token, respondent_id, survey_id, language, channel) values (?, ?, ?, 'ar', 'telegram')",
                token, id, survey);
        long wave = Long.parseLong(value(db, "insert into waves (name, survey_version_id, invite_at, created_by, created_at)"
                + " values ('erasure test', ?, now(), 'test', now()) returning id", version));
        update(db, "insert into wave_members (wave_id, respondent_id, channel, language, invitation_token, invite_outbox_id,"
                + " invited_at, session_id) values (?, ?, 'whatsapp', 'ar', ?, ?, now(), ?)", wave, id, token, reply, session);
        update(db, "insert into panel_contacts (respondent_id, wave_id, kind, at) values (?, ?, 'invitation', now())", id, wave);
        return new Fixture(memberId, id, ownFile, sharedFile, other, wave);
    }

    @Test
    void delete_leavesNothingOfTheMemberBehind() throws Exception {
        Fixture f = everything();
        Leftovers.Traces traces = Leftovers.of(db, f.respondentId());
        List<String> before = Leftovers.find(db, mediaDir(), traces);
        for (String table : List.of("respondents.member_id", "respondents.pseudonym", "channel_identities.provider_id",
                "sessions.id", "answers.respondent_id", "media_objects.id", "outbox.recipient", "invitations.respondent_id",
                "wave_members.respondent_id", "panel_contacts.respondent_id")) {
            assertTrue(before.stream().anyMatch(s -> s.startsWith(table + " has")), "the search sees " + table + ": " + before);
        }
        assertTrue(store.path(f.ownFile()).isPresent());
        long otherAnswers = count(db, "select count(*) from answers where respondent_id = ?", f.other());

        ApiTokensForTests.as("coordinator").delete("/api/members/" + f.memberId()).then().statusCode(204);

        Leftovers.assertNone(db, mediaDir(), traces);
        assertTrue(store.path(f.ownFile()).isEmpty(), "their file is deleted");
        assertTrue(store.path(f.sharedFile()).isPresent(), "a file another respondent also sent stays");
        assertEquals(otherAnswers, count(db, "select count(*) from answers where respondent_id = ?", f.other()));
        assertEquals(1, count(db, "select count(*) from media_objects where respondent_id = ?", f.other()));
        assertEquals(1, count(db, "select count(*) from waves where id = ?", f.wave()), "the wave itself stays");

        JsonPath audit = given().auth().oauth2(ApiTokensForTests.BOOTSTRAP).get("/api/audit?limit=1").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("respondent.erase", audit.getString("entries[0].action"));
        assertEquals("test-coordinator", audit.getString("entries[0].actor"));
        assertNull(audit.getString("entries[0].subject"));
        assertEquals(Map.of("by", "coordinator"), audit.getMap("entries[0].details"));

        ApiTokensForTests.as("coordinator").delete("/api/members/" + f.memberId()).then().statusCode(404)
                .body("code", equalTo("member_not_found"));
    }

    @Test
    void delete_whenUnknown_is404AndAuditsNothing() throws Exception {
        long audits = count(db, "select count(*) from audit_log");
        ApiTokensForTests.as("admin").delete("/api/members/" + Members.prefix() + "nobody").then().statusCode(404)
                .body("code", equalTo("member_not_found"));
        assertEquals(audits, count(db, "select count(*) from audit_log"));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> erasure.erase(UUID.randomUUID(), "test", Instant.now())));
        assertEquals(audits, count(db, "select count(*) from audit_log"));
    }

    /** The chat path's shape: the caller holds the respondent and session entities and changes them afterwards. */
    @Test
    void erase_inTheCallersTransaction_detachesTheirEntitiesSoTheCommitSucceeds() throws Exception {
        Fixture f = everything();
        Leftovers.Traces traces = Leftovers.of(db, f.respondentId());
        QuarkusTransaction.requiringNew().run(() -> {
            Respondent r = Respondent.findById(f.respondentId());
            SessionRecord s = SessionRecord.find("respondentId = ?1 order by startedAt desc", f.respondentId()).firstResult();
            r.preferredLanguage = "nl";
            assertTrue(erasure.erase(f.respondentId(), Erasure.RESPONDENT, Instant.now()));
            s.status = "deleted";
            r.preferredLanguage = "en";
        });
        Leftovers.assertNone(db, mediaDir(), traces);
        assertEquals("{\"by\": \"respondent\"}", value(db, "select details::text from audit_log where action = 'respondent.erase'"
                + " and actor = 'respondent' order by id desc limit 1"));
    }

    @Test
    void erase_whenTheTransactionRollsBack_keepsTheRowsAndFiles() throws Exception {
        Fixture f = everything();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            erasure.erase(f.respondentId(), "test", Instant.now());
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(f.memberId(), value(db, "select member_id from respondents where id = ?", f.respondentId()));
        assertEquals(3, count(db, "select count(*) from answers where respondent_id = ?", f.respondentId()));
        assertTrue(store.path(f.ownFile()).isPresent(), "files go only after commit");
        ApiTokensForTests.as("coordinator").delete("/api/members/" + f.memberId()).then().statusCode(204);
        assertTrue(store.path(f.ownFile()).isEmpty());
    }

    private UUID session(UUID respondent, long version) throws Exception {
        UUID id = UUID.randomUUID();
        update(db, "insert into sessions (id, respondent_id, survey_version_id, channel, status, language, current_question, state,"
                + " started_at, updated_at) values (?, ?, ?, 'whatsapp', 'active', 'ar', 'story', cast(? as jsonb), now(), now())",
                id, respondent, version, "{\"respondent\":\"" + respondent + "\",\"answers\":{\"home\":\"Utrecht\"}}");
        return id;
    }

    private UUID media(UUID respondent, String sha256, String status) throws Exception {
        UUID id = UUID.randomUUID();
        update(db, "insert into media_objects (id, respondent_id, channel, kind, mime_type, size_bytes, provider_ref, sha256, status)"
                + " values (?, ?, 'whatsapp', 'audio', 'audio/ogg', 42, ?, ?, ?)", id, respondent, "MEref" + id, sha256, status);
        return id;
    }

    private void answer(UUID session, UUID respondent, long version, String question, String valueJson, String raw, UUID media)
            throws Exception {
        update(db, "insert into answers (session_id, respondent_id, survey_version_id, question_id, question_type, value, raw_text,"
                + " language, channel, ioi_tags, media_id, preview, answered_at) values (?, ?, ?, ?, 'text', cast(? as jsonb), ?,"
                + " 'ar', 'whatsapp', '{work}', ?, false, now())", session, respondent, version, question, valueJson, raw, media);
    }

    private long outbox(UUID respondent, String channel, String recipient, String status) throws Exception {
        // queued far in the future, so the outbox sender of this test run leaves it alone
        return Long.parseLong(value(db, "insert into outbox (channel, respondent_id, recipient, payload, status, next_attempt_at,"
                + " idempotency_key) values (?, ?, ?, cast(? as jsonb), ?, now() + interval '1 day', ?) returning id",
                channel, respondent, recipient, "{\"kind\":\"text\",\"text\":\"Dank je\"}", status, UUID.randomUUID()));
    }
}
