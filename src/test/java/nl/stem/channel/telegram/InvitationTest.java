package nl.stem.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Deep links t.me/<bot>?start=<token>: binding a chat to a panel member and starting their survey. */
@QuarkusTest
class InvitationTest {
    @Inject
    Invitations invitations;
    @Inject
    DataSource dataSource;
    TelegramDb db;

    @BeforeEach
    void setUp() {
        db = new TelegramDb(dataSource);
        FakeBotApi.get();
    }

    @Test
    void deepLink_whenOpenedByANewChat_linksItAndStartsTheInvitedSurveyInItsLanguage() throws Exception {
        UUID member = member();
        Invitation inv = invitations.create(member, "veiligheid_en_stabiliteit", "uk");
        assertTrue(inv.token().matches("[A-Za-z0-9_-]{43}"), inv.token());
        assertEquals("https://t.me/StemTestBot?start=" + inv.token(), inv.link());

        TelegramUser u = TelegramUser.create("ar");
        startWith(u, inv.token());
        assertEquals(member.toString(), respondentOf(u));
        assertEquals("veiligheid_en_stabiliteit", surveyOf(u));
        assertEquals("uk", db.string("select s.language from sessions s where s.respondent_id = ?::uuid order by started_at desc limit 1", member.toString()));
        assertEquals("consent", db.currentQuestion(u), "no language menu: the invitation chose Ukrainian");
        assertNotNull(db.string("select used_at::text from invitations where token = ?", inv.token()));

        // Opening the link again mid-survey continues where they are.
        u.tap("a:consent:yes").statusCode(200);
        String current = db.currentQuestion(u);
        startWith(u, inv.token());
        assertEquals(current, db.currentQuestion(u));
        assertEquals(1, db.count("select count(*) from sessions where respondent_id = ?::uuid", member.toString()));
    }

    @Test
    void deepLink_whenTheChatAlreadyTalkedToStem_movesItToTheInvitedMember() throws Exception {
        TelegramUser u = TelegramUser.create("en");
        u.start().statusCode(200);
        String before = respondentOf(u);
        UUID member = member();
        Invitation inv = invitations.create(member, "veiligheid_en_stabiliteit", "en");
        startWith(u, inv.token());
        assertNotEquals(before, respondentOf(u));
        assertEquals(member.toString(), respondentOf(u));
        assertEquals("veiligheid_en_stabiliteit", surveyOf(u));
    }

    @Test
    void deepLink_whenTokenBadUnknownOrBoundToAnotherChat_fallsBackToPlainStart() throws Exception {
        for (String token : new String[] {"not/a token!", "Unknown_token-123", "x".repeat(65)}) {
            TelegramUser u = TelegramUser.create("ar");
            startWith(u, token);
            assertEquals("toegang_tot_werk", surveyOf(u), "the survey open to anyone");
            assertEquals("choosing_language", db.sessionStatus(u).toLowerCase());
        }
        UUID member = member();
        Invitation inv = invitations.create(member, "veiligheid_en_stabiliteit", "uk");
        TelegramUser first = TelegramUser.create("uk");
        startWith(first, inv.token());
        TelegramUser other = TelegramUser.create("uk");
        startWith(other, inv.token());
        assertEquals(member.toString(), respondentOf(first));
        assertNotEquals(member.toString(), respondentOf(other), "a token is bound to one member's chat");
        assertEquals("toegang_tot_werk", surveyOf(other));
    }

    private void startWith(TelegramUser u, String payload) {
        ObjectNode update = u.update("start_payload");
        ((ObjectNode) update.get("message")).put("text", "/start " + payload);
        u.post(update).statusCode(200);
    }

    private String respondentOf(TelegramUser u) throws Exception {
        return db.string("select respondent_id::text from channel_identities where channel = 'telegram' and provider_id = ?", u.chat());
    }

    private String surveyOf(TelegramUser u) throws Exception {
        return db.string("select v.survey_id from sessions s join survey_versions v on v.id = s.survey_version_id "
                + "join channel_identities ci on ci.respondent_id = s.respondent_id where ci.channel = 'telegram' and ci.provider_id = ? "
                + "order by s.started_at desc limit 1", u.chat());
    }

    private UUID member() throws Exception {
        UUID id = UUID.randomUUID();
        db.count("with r as (insert into respondents (id, pseudonym, status) values (?::uuid, ?, 'active') returning 1) select count(*) from r",
                id.toString(), "Rtest" + id.toString().substring(0, 12));
        return id;
    }
}
