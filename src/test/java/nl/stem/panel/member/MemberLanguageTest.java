package nl.stem.panel.member;

import static nl.stem.panel.member.Members.importCsv;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.channel.whatsapp.Phone;

/**
 * The top rung of the language order end to end: a panel member enrolled in Tigrinya who writes
 * "مرحبا" from a Syrian number starts in Tigrinya, although number and script point to Arabic; a
 * stranger writing the same from a Syrian number gets the menu in Arabic instead. The member's
 * number is checked and stored by libphonenumber as E.164.
 */
@QuarkusTest
class MemberLanguageTest {
    private static final String SESSION = "select s.state->>'language' || '|' || s.status || '|' || coalesce(s.current_question, '-')"
            + " from sessions s join channel_identities ci on ci.respondent_id = s.respondent_id"
            + " where ci.channel = 'whatsapp' and ci.provider_id = ? order by s.started_at desc limit 1";

    @Inject
    DataSource db;

    @Test
    void member_whenEnrolledInTigrinyaAndWritingArabicFromSyria_startsInTigrinya() throws Exception {
        Phone member = Phone.inCountry("96394", 12);
        String p = Members.prefix();
        importCsv("member_id,channel,whatsapp_number,language\n" + p + "1,whatsapp,+963 " + member.waId.substring(3) + ",ti\n")
                .then().statusCode(200).body("created", equalTo(1));
        assertEquals(p + "1", Members.value(db, "select r.member_id from channel_identities ci join respondents r on r.id = ci.respondent_id"
                + " where ci.provider_id = ?", member.from), "stored as E.164, the form Twilio sends");

        member.text("مرحبا");
        assertEquals("ti|active|consent", Members.value(db, SESSION, member.from), "the member's language wins over the guess");

        Phone stranger = Phone.inCountry("96394", 12);
        stranger.text("مرحبا");
        assertEquals("ar|choosing_language|-", Members.value(db, SESSION, stranger.from), "a stranger: the guess preselects the menu");
    }
}
