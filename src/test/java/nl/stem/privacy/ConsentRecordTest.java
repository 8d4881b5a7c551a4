package nl.stem.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import nl.stem.api.ApiTokensForTests;
import nl.stem.api.PublishedForTests;
import nl.stem.conversation.ConversationService;
import nl.stem.conversation.Inbound;
import nl.stem.engine.Input;
import nl.stem.engine.SurveyEngine;
import nl.stem.survey.SurveyCatalog;

/**
 * Consent records: each decision keeps which text was shown (version, language, SHA-256 of the exact
 * text), when and on which channel; a new version whose consent text changed asks again and records
 * the new text; a refusal is recorded and keeps no answer.
 */
@QuarkusTest
class ConsentRecordTest {
    @Inject
    ConversationService conversations;
    @Inject
    SurveyEngine engine;
    @Inject
    SurveyCatalog catalog;
    @Inject
    DataSource db;

    final String survey = "consent_" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    final String chat = String.valueOf(7_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L));

    @AfterEach
    void retire() {
        PublishedForTests.retireAll();
    }

    @Test
    void consentChange_inANewVersion_asksAgainAndRecordsTheNewText() throws Exception {
        publish("Doe je mee aan het onderzoek?", "Hoe gaat het?");
        start();
        say("1");
        List<String[]> first = records();
        assertEquals(1, first.size());
        assertEquals(List.of("1", "consent", "nl", "given", "telegram"), List.of(first.get(0)).subList(0, 5));
        String shown = engine.shownText(catalog.latest(survey).orElseThrow().version(), "consent", "nl").orElseThrow();
        assertEquals(ConsentRecords.sha256(shown), first.get(0)[5], "the checksum is the exact text shown, buttons included");
        say("3");
        assertEquals("completed", value("select status from sessions s join channel_identities ci on ci.respondent_id = s.respondent_id"
                + " where ci.provider_id = ? order by started_at desc limit 1"));

        // Version 2 rewords the consent: the next session asks it again, and the new text is recorded.
        publish("Doe je mee? Je antwoorden worden 12 maanden bewaard.", "Hoe gaat het?");
        say("start");
        assertEquals("consent", value("select current_question from sessions s join channel_identities ci on ci.respondent_id = s.respondent_id"
                + " where ci.provider_id = ? order by started_at desc limit 1"), "consent is asked again");
        say("1");
        List<String[]> second = records();
        assertEquals(2, second.size());
        assertEquals("2", second.get(1)[0]);
        assertNotEquals(second.get(0)[5], second.get(1)[5], "another text, another checksum");

        // Version 3 changes another question only: the consent text, and so its checksum, stay the same.
        say("4");
        publish("Doe je mee? Je antwoorden worden 12 maanden bewaard.", "Hoe gaat het met je?");
        say("start");
        say("1");
        List<String[]> third = records();
        assertEquals(3, third.size());
        assertEquals("3", third.get(2)[0]);
        assertEquals(third.get(1)[5], third.get(2)[5]);
    }

    @Test
    void refusal_isRecordedAndKeepsNoAnswer() throws Exception {
        publish("Doe je mee aan het onderzoek?", "Hoe gaat het?");
        start();
        say("2");
        List<String[]> r = records();
        assertEquals(1, r.size());
        assertEquals("refused", r.get(0)[3]);
        assertEquals("0", value("select count(*) from answers a join channel_identities ci on ci.respondent_id = a.respondent_id"
                + " where ci.provider_id = ?"));
        assertEquals("refused", value("select consent_status from respondents r join channel_identities ci on ci.respondent_id = r.id"
                + " where ci.provider_id = ?"));
    }

    private void publish(String consent, String question) {
        String yaml = """
                id: %s
                title: Toestemming
                source_language: nl
                languages: [nl]
                questions:
                  - id: consent
                    type: consent
                    text: "%s"
                  - id: gaat
                    type: scale
                    text: "%s"
                    min: 1
                    max: 5
                    min_label: Slecht
                    max_label: Goed
                    ioi: [stability]
                """.formatted(survey, consent, question);
        PublishedForTests.remember(survey);
        ApiTokensForTests.researcher().contentType(ContentType.JSON)
                .body(Map.of("survey", Map.of("file", survey + ".yaml", "content", yaml), "translations", Map.of()))
                .post("/api/surveys").then().log().ifValidationFails().statusCode(201);
    }

    private void start() {
        conversations.handle(new Inbound("telegram", UUID.randomUUID().toString(), chat, new Input.Start("nl", null),
                new Inbound.StartRequest(survey, "nl", null), null, false));
    }

    private void say(String text) {
        conversations.handle(new Inbound("telegram", UUID.randomUUID().toString(), chat, new Input.Text(text), null, null, false));
    }

    /** version, question, language, decision, channel, checksum, in order. */
    private List<String[]> records() throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select v.version, k.question_id, k.language, k.decision, k.channel, k.text_sha256
                from consent_records k join survey_versions v on v.id = k.survey_version_id
                join channel_identities ci on ci.respondent_id = k.respondent_id
                where ci.provider_id = ? order by k.id""")) {
            ps.setString(1, chat);
            List<String[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6)});
                }
            }
            return out;
        }
    }

    private String value(String sql) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, chat);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
