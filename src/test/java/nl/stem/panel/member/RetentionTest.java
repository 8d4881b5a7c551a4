package nl.stem.panel.member;

import static nl.stem.panel.member.Members.count;
import static nl.stem.panel.member.Members.update;
import static nl.stem.panel.member.Members.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import nl.stem.api.ApiTokensForTests;
import nl.stem.api.PublishedForTests;
import nl.stem.config.StemConfig;
import nl.stem.media.MediaStore;
import nl.stem.panel.wave.WaveTestSurveys;
import nl.stem.privacy.Retention;
import nl.stem.privacy.RetentionReport;

/**
 * The retention schedule with the clock moved on: a member whose last contact and session lie 14
 * months back loses their media files, channel identities, the free text in their sessions' raw state
 * and the texts sent to them, and keeps their pseudonymous answers (the export is byte for byte the
 * same); a member active a month ago keeps everything; a member who left the panel loses their
 * identities; an old preview respondent is erased. {@link Leftovers} finds exactly what the schedule
 * says should remain. The daily run is claimed once a day however many instances try.
 */
@QuarkusTest
class RetentionTest {
    @Inject
    DataSource db;
    @Inject
    MediaStore store;
    @Inject
    StemConfig config;
    @Inject
    Retention retention;

    @AfterEach
    void retire() {
        PublishedForTests.retireAll();
    }

    Path mediaDir() {
        return config.media().dir().toAbsolutePath();
    }

    @Test
    void run_afterThePeriods_deletesWhatTheScheduleSaysAndKeepsTheFigures() throws Exception {
        String survey = WaveTestSurveys.publish("ret_" + Members.prefix().replace("-", ""));
        long version = Long.parseLong(value(db, "select max(id) from survey_versions where survey_id = ?", survey));
        Instant now = Instant.now();
        Held old = Held.member(db, store, version, "old", now.minus(425, ChronoUnit.DAYS));
        Held recent = Held.member(db, store, version, "recent", now.minus(20, ChronoUnit.DAYS));
        Held left = Held.member(db, store, version, "left", now.minus(20, ChronoUnit.DAYS));
        update(db, "update respondents set opted_out_at = ? where id = ?", Timestamp.from(now.minus(45, ChronoUnit.DAYS)), left.respondentId());
        UUID preview = previewRespondent(version, now.minus(40, ChronoUnit.DAYS));

        String exportBefore = ApiTokensForTests.researcher().get("/api/exports/long.csv?survey=" + survey).then().statusCode(200)
                .extract().asString();
        Leftovers.Traces oldTraces = Leftovers.of(db, old.respondentId());
        Leftovers.Traces recentTraces = Leftovers.of(db, recent.respondentId());
        Leftovers.Traces previewTraces = Leftovers.of(db, preview);
        List<String> oldBefore = Leftovers.find(db, mediaDir(), oldTraces);
        List<String> recentBefore = Leftovers.find(db, mediaDir(), recentTraces);

        JsonPath dry = ApiTokensForTests.as("coordinator").get("/api/retention").then().statusCode(200).extract().jsonPath();
        assertEquals(true, dry.getBoolean("report.dryRun"));
        assertFalse(dry.getBoolean("enabled"), "the test profile runs the schedule itself");
        assertTrue(dry.getLong("report.categories.find { it.name == 'media' }.count") >= 2, "old's voice note and pending video");
        assertTrue(dry.getLong("report.categories.find { it.name == 'identities' }.count") >= 4);
        assertTrue(dry.getLong("report.categories.find { it.name == 'preview' }.count") >= 1);
        assertEquals(oldBefore, Leftovers.find(db, mediaDir(), oldTraces), "a dry run changes nothing");

        RetentionReport report = retention.run(now);
        assertTrue(report.count("media") >= 2 && report.count("identities") >= 4 && report.count("preview") >= 1, report.toString());

        // What remains of the old member: all but their number and chat id (and the audit of what went).
        List<String> expected = oldBefore.stream().filter(s -> !s.startsWith("channel_identities.")
                && !s.endsWith(" has " + old.chat()) && !s.contains(old.number())).toList();
        List<String> after = Leftovers.find(db, mediaDir(), oldTraces);
        assertEquals(sorted(expected), sorted(after.stream().filter(s -> !s.startsWith("audit_log.")).toList()));
        assertEquals(List.of("audit_log.subject has " + old.pseudonym()), after.stream().filter(s -> s.startsWith("audit_log.")).distinct().toList(),
                "the audit of what went names their pseudonym, nothing more");
        assertTrue(store.path(old.file()).isEmpty(), "the old voice note's file is gone");
        assertEquals("expired", value(db, "select status from media_objects where id = ?", old.media()));
        assertEquals(0L, count(db, "select count(*) from media_objects where id = ? and (sha256 is not null or provider_ref is not null)", old.media()));
        assertEquals("expired", value(db, "select status from media_objects where id = ?", old.pendingMedia()));
        assertFalse(value(db, "select state::text from sessions where id = ?", old.session()).contains(old.text()),
                "free text is out of the raw state");
        assertTrue(value(db, "select raw_text from answers where session_id = ? and question_id = 'werk'", old.session())
                .contains(old.text()), "the pseudonymous answer stays");
        assertEquals("", value(db, "select payload ->> 'text' from outbox where respondent_id = ?", old.respondentId()));
        assertEquals("expired", value(db, "select recipient from outbox where respondent_id = ?", old.respondentId()));
        for (String action : List.of("retention.media", "retention.identity", "retention.session_state", "retention.messages")) {
            assertTrue(count(db, "select count(*) from audit_log where actor = 'retention' and action = ? and subject = ?",
                    action, old.pseudonym()) >= 1, action + " is audited");
        }
        ApiTokensForTests.researcher().get("/api/media/" + old.media()).then().statusCode(410);

        // The recent member keeps everything (the message sent 20 days ago keeps its text too).
        assertEquals(sorted(recentBefore), sorted(Leftovers.find(db, mediaDir(), recentTraces)));
        assertTrue(store.path(recent.file()).isPresent());
        assertEquals(recent.message(), value(db, "select payload ->> 'text' from outbox where respondent_id = ?", recent.respondentId()));

        // The member who left: identities gone, the rest kept.
        assertEquals(0L, count(db, "select count(*) from channel_identities where respondent_id = ?", left.respondentId()));
        assertTrue(store.path(left.file()).isPresent());
        assertEquals("{\"reason\": \"opted_out\", \"channel\": \"telegram\"}", value(db, "select details::text from audit_log"
                + " where action = 'retention.identity' and subject = ? and details ->> 'channel' = 'telegram'", left.pseudonym()));

        Leftovers.assertNone(db, mediaDir(), previewTraces);
        assertEquals(exportBefore, ApiTokensForTests.researcher().get("/api/exports/long.csv?survey=" + survey).then().statusCode(200)
                .extract().asString(), "exports give the same figures");

        RetentionReport again = retention.run(now);
        assertEquals(0, again.count("media") + again.count("identities") + again.count("session_state"), "nothing is due twice");

        for (Held h : List.of(old, recent, left)) {
            ApiTokensForTests.as("coordinator").delete("/api/members/" + h.memberId()).then().statusCode(204);
        }
    }

    @Test
    void runDaily_fromSeveralInstancesAtOnce_runsOncePerDay() throws Exception {
        Instant day = Instant.parse("2031-05-17T03:30:00Z");
        update(db, "delete from retention_runs where day = date '2031-05-17'");
        List<CompletableFuture<Boolean>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> retention.runDaily(day).isPresent()));
        }
        long ran = runs.stream().map(CompletableFuture::join).filter(b -> b).count();
        assertEquals(1, ran);
        assertTrue(retention.runDaily(day.plusSeconds(3600)).isEmpty(), "later the same day: already run");
        assertEquals(1L, count(db, "select count(*) from retention_runs where day = date '2031-05-17' and finished_at is not null"));
        update(db, "delete from retention_runs where day = date '2031-05-17'");
    }

    private UUID previewRespondent(long version, Instant at) throws Exception {
        UUID id = UUID.randomUUID();
        Timestamp t = Timestamp.from(at);
        update(db, "insert into respondents (id, pseudonym, status, created_at) values (?, ?, 'active', ?)", id,
                "R" + id.toString().replace("-", "").substring(0, 12), t);
        String token = "pv-" + UUID.randomUUID();
        update(db, "insert into channel_identities (respondent_id, channel, provider_id, created_at) values (?, 'preview', ?, ?)", id, token, t);
        UUID session = UUID.randomUUID();
        update(db, "insert into sessions (id, respondent_id, survey_version_id, channel, status, language, state, preview, started_at,"
                + " updated_at) values (?, ?, ?, 'preview', 'active', 'nl', '{}', true, ?, ?)", session, id, version, t, t);
        update(db, "insert into answers (session_id, respondent_id, survey_version_id, question_id, question_type, value, raw_text,"
                + " language, channel, ioi_tags, preview, answered_at) values (?, ?, ?, 'werk', 'single_choice', '{\"kind\":\"CHOICE\"}',"
                + " 'Ja', 'nl', 'preview', '{work}', true, ?)", session, id, version, t);
        return id;
    }

    private static List<String> sorted(List<String> l) {
        return l.stream().sorted().toList();
    }
}
