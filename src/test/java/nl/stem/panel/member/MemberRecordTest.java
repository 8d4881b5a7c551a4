package nl.stem.panel.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.api.ApiTokensForTests;
import nl.stem.config.StemConfig;
import nl.stem.media.MediaStore;

/**
 * The access request a coordinator serves (art. 15 and 20 GDPR): a member with everything Stem can
 * hold gets all of it in {@code /record} and {@code /record.zip}, and nothing of another member; each
 * download is audited; the audit no longer says whose once they are erased.
 */
@QuarkusTest
class MemberRecordTest {
    @Inject
    DataSource db;
    @Inject
    MediaStore store;
    @Inject
    StemConfig config;

    @Test
    void record_ofAMemberWithEverything_holdsAllOfItAndNothingOfAnother() throws Exception {
        long version = Long.parseLong(Members.value(db, "select min(id) from survey_versions"));
        Held a = Held.member(db, store, version, "rec-a", Instant.now());
        Held b = Held.member(db, store, version, "rec-b", Instant.now());

        Response r = ApiTokensForTests.as("coordinator").get("/api/members/" + a.memberId() + "/record");
        r.then().statusCode(200).header("Cache-Control", "no-store");
        String body = r.asString();
        JsonPath json = r.jsonPath();
        assertEquals(a.pseudonym(), json.getString("person.pseudonym"));
        assertEquals(a.memberId(), json.getString("person.memberId"));
        assertEquals("Utrecht", json.getString("person.attributes.region"));
        assertEquals(List.of("whatsapp", "telegram"), json.getList("channelIdentities.channel"));
        assertTrue(json.getList("channelIdentities.providerId").contains(a.chat()));
        assertTrue(json.getList("channelIdentities.providerId").contains("whatsapp:" + a.number()));
        assertEquals(List.of("given"), json.getList("consents.decision"));
        assertEquals(64, json.getString("consents[0].textSha256").length());
        assertEquals(List.of(a.session().toString()), json.getList("sessions.id"));
        assertEquals(List.of("consent", "werk", "verhaal"), json.getList("answers.questionId"));
        assertEquals(a.text(), json.getString("answers[1].rawText"));
        assertEquals(a.text(), json.getString("answers[1].value.text"));
        assertEquals(java.util.Set.of(a.media().toString(), a.pendingMedia().toString()), java.util.Set.copyOf(json.getList("media.id")));
        assertEquals("media/" + a.media() + ".ogg", json.getString("media.find { it.id == '" + a.media() + "' }.file"));
        assertNull(json.getString("media.find { it.id == '" + a.pendingMedia() + "' }.file"), "a pending file is listed, not included");
        assertEquals(1, json.getList("invitations").size());
        assertFalse(body.contains("abcdefghijk"), "the invitation token is a key, not information about them");
        assertEquals(List.of(a.waveName()), json.getList("waves.wave"));
        assertEquals(List.of("invitation"), json.getList("contacts.kind"));
        assertEquals(List.of(a.message()), json.getList("messages.text"));
        for (String other : List.of(b.memberId(), b.pseudonym(), b.number(), b.chat(), b.text(), b.message(), b.waveName(),
                b.respondentId().toString(), b.session().toString(), b.media().toString(), b.file())) {
            assertFalse(body.contains(other), "nothing of another member: " + other);
        }
        assertFalse(body.contains(a.respondentId().toString()), "Stem's internal id is not theirs to know");

        Response zip = ApiTokensForTests.as("admin").get("/api/members/" + a.memberId() + "/record.zip");
        zip.then().statusCode(200).contentType("application/zip").header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"record-" + a.memberId() + ".zip\"");
        Map<String, byte[]> entries = unzip(zip.asByteArray());
        assertEquals(List.of("record.json", "media/" + a.media() + ".ogg"), List.copyOf(entries.keySet()));
        assertArrayEquals(a.fileBytes(), entries.get("media/" + a.media() + ".ogg"));
        String recordJson = new String(entries.get("record.json"), StandardCharsets.UTF_8);
        assertTrue(recordJson.contains(a.text()));
        assertFalse(recordJson.contains(b.text()));

        JsonPath audit = given().auth().oauth2(ApiTokensForTests.BOOTSTRAP).get("/api/audit?limit=2").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("member.record", "member.record"), audit.getList("entries.action"));
        assertEquals(List.of("bootstrap-admin", "test-coordinator"), audit.getList("entries.actor"));
        assertEquals(List.of(a.memberId(), a.memberId()), audit.getList("entries.subject"));
        assertEquals("zip", audit.getString("entries[0].details.format"));

        // Erased: the downloads stay in the audit log, no longer saying whose.
        Leftovers.Traces traces = Leftovers.of(db, a.respondentId());
        ApiTokensForTests.as("coordinator").delete("/api/members/" + a.memberId()).then().statusCode(204);
        Leftovers.assertNone(db, config.media().dir().toAbsolutePath(), traces);
        assertEquals(2, Members.count(db, "select count(*) from audit_log where action = 'member.record' and subject is null"
                + " and id > (select max(id) - 10 from audit_log)"));
        ApiTokensForTests.as("coordinator").delete("/api/members/" + b.memberId()).then().statusCode(204);
    }

    @Test
    void record_ofAnUnknownMember_is404AndAuditsNothing() throws Exception {
        ApiTokensForTests.token("coordinator"); // made (and audited) before counting
        long audits = Members.count(db, "select count(*) from audit_log");
        for (String path : List.of("/record", "/record.zip")) {
            ApiTokensForTests.as("coordinator").get("/api/members/" + Members.prefix() + "nobody" + path).then().statusCode(404)
                    .body("code", equalTo("member_not_found"));
        }
        ApiTokensForTests.as("coordinator").urlEncodingEnabled(false).get("/api/members/bad%00id/record").then().statusCode(400)
                .body("code", equalTo("malformed_url"));
        assertEquals(audits, Members.count(db, "select count(*) from audit_log"));
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }
}
