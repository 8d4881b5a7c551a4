package nl.stem.panel.member;

import static io.restassured.RestAssured.given;
import static nl.stem.panel.member.Members.HEADER;
import static nl.stem.panel.member.Members.count;
import static nl.stem.panel.member.Members.importCsv;
import static nl.stem.panel.member.Members.number;
import static nl.stem.panel.member.Members.value;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import nl.stem.api.ApiTokensForTests;

@QuarkusTest
class MemberImportTest {
    @Inject
    DataSource db;

    /** Everything an import could write: a refused import must leave all three as they were. */
    long[] totals() throws SQLException {
        return new long[] {count(db, "select count(*) from respondents"), count(db, "select count(*) from channel_identities"),
                count(db, "select count(*) from audit_log")};
    }

    @Test
    void import_whenGood_createsMembersWithTheirIdentities() throws Exception {
        String p = Members.prefix();
        String n1 = number();
        String n3 = number();
        String csv = HEADER
                + p + "001,whatsapp," + n1.substring(0, 3) + " " + n1.substring(3, 4) + "-" + n1.substring(4) + ",ar,,,Utrecht,2019\n"
                + p + "002,telegram,,ti,Africa/Asmara,given,Amsterdam,\n"
                + p + "003,WhatsApp," + n3 + ",FA-af,europe/amsterdam,refused,,2021\n";
        importCsv(csv).then().statusCode(200).body("rows", equalTo(3)).body("created", equalTo(3))
                .body("updated", equalTo(0)).body("unchanged", equalTo(0));

        assertEquals("whatsapp|ar||unknown|{\"region\": \"Utrecht\", \"arrival_year\": \"2019\"}|active",
                row(p + "001"));
        assertEquals("telegram|ti|Africa/Asmara|given|{\"region\": \"Amsterdam\"}|active", row(p + "002"));
        assertEquals("whatsapp|fa-AF|Europe/Amsterdam|refused|{\"arrival_year\": \"2021\"}|active", row(p + "003"));
        assertEquals(3, count(db, "select count(*) from respondents where member_id like ? and enrolled_at is not null"
                + " and pseudonym ~ '^R[0-9a-f]{12}$' and opted_out_at is null", p + "%"));
        assertEquals(p + "001", value(db, "select r.member_id from channel_identities ci join respondents r on r.id = ci.respondent_id"
                + " where ci.channel = 'whatsapp' and ci.provider_id = ?", "whatsapp:" + n1));
        assertEquals(0, count(db, "select count(*) from channel_identities ci join respondents r on r.id = ci.respondent_id"
                + " where r.member_id = ?", p + "002"), "a Telegram member is linked only when they open their invitation");

        JsonPath audit = given().auth().oauth2(ApiTokensForTests.BOOTSTRAP).get("/api/audit?limit=1").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("members.import", audit.getString("entries[0].action"));
        assertEquals("test-coordinator", audit.getString("entries[0].actor"));
        assertEquals(Map.of("rows", 3, "created", 3, "updated", 0, "unchanged", 0), audit.getMap("entries[0].details"));
        String entry = audit.prettify();
        assertFalse(entry.contains(p) || entry.contains(n1.substring(1)) || entry.contains(n3.substring(1)),
                "no member ids or numbers in the audit log: " + entry);
    }

    @Test
    void import_whenExcelWroteItWithSemicolonsAndABom_isRead() throws Exception {
        String p = Members.prefix();
        String csv = "\uFEFFmember_id;language;channel;whatsapp_number;gender\r\n" + p + "1;uk;whatsapp;" + number() + ";v\r\n";
        importCsv(csv).then().statusCode(200).body("created", equalTo(1));
        assertEquals("whatsapp|uk||unknown|{\"gender\": \"v\"}|active", row(p + "1"));
    }

    @Test
    void import_whenTheHeaderIsWrong_is400ListingEveryColumnAndStoresNothing() throws Exception {
        long[] before = totals();
        importCsv("member_id,Channel,language,region,region,email\n" + Members.prefix() + "1,telegram,ar,x,y,z\n")
                .then().statusCode(400).body("code", equalTo("bad_header"))
                .body("details.column", equalTo(List.of("Channel", "region", "email", "channel", "whatsapp_number")))
                .body("details.position", equalTo(List.of(2, 5, 6, 0, 0)));
        assertTrue(Arrays.equals(before, totals()));
    }

    @Test
    void import_whenRowsAreBad_is422ListingEveryRejectedRowAndStoresNothing() throws Exception {
        String p = Members.prefix();
        String taken = number();
        importCsv(HEADER + p + "other,whatsapp," + taken + ",nl,,,,\n").then().statusCode(200);
        long[] before = totals();
        String good = number();
        String csv = HEADER
                + p + "good,whatsapp," + good + ",ar,,,Utrecht,2019\n"                  // line 2: fine on its own
                + p + "badnumber,whatsapp,06-12345678,ar,,,,\n"                          // 3
                + p + "badlanguage,telegram,,arabic!,,,,\n"                              // 4
                + p + "sms,sms,,ar,,,,\n"                                                // 5
                + p + "good,telegram,,ar,,,,\n"                                          // 6: duplicate member id
                + p + "samenumber,whatsapp," + good + ",ar,,,,\n"                        // 7: number also on line 2
                + p + "taken,whatsapp," + taken + ",ar,,,,\n"                            // 8: number of another member
                + p + "tgnumber,telegram," + number() + ",ar,,,,\n"                      // 9
                + "\n"
                + "bad id!,telegram,,ar,Mars/Olympus,maybe,,\n"                          // 11
                + p + "wide,telegram,,ar,,,,,extra\n"                                    // 12
                + ",whatsapp,,,,,,\n";                                                   // 13
        JsonPath r = importCsv(csv).then().statusCode(422).body("code", equalTo("rows_rejected")).extract().jsonPath();
        assertEquals("10 of 11 row(s) rejected; nothing was imported. Fix them and send the whole file again", r.getString("message"));
        assertEquals(List.of(3, 4, 5, 6, 7, 8, 9, 11, 12, 13), r.getList("details.line"));
        assertEquals(List.of(p + "badnumber", p + "badlanguage", p + "sms", p + "good", p + "samenumber", p + "taken",
                p + "tgnumber", "bad id!", p + "wide", ""), r.getList("details.memberId"));
        List<List<String>> reasons = r.getList("details.reasons");
        assertTrue(reasons.get(0).get(0).contains("not an international number"), reasons.get(0).toString());
        assertTrue(reasons.get(1).get(0).contains("not a known language as a BCP 47 tag"));
        assertTrue(reasons.get(2).get(0).contains("unknown channel 'sms'"));
        assertEquals(List.of("member_id '" + p + "good' is also on line 2"), reasons.get(3));
        assertEquals(List.of("whatsapp_number " + good + " is also on line 2"), reasons.get(4));
        assertEquals(List.of("whatsapp_number " + taken + " belongs to member '" + p + "other'"), reasons.get(5));
        assertTrue(reasons.get(6).get(0).contains("must be empty for telegram"));
        assertEquals(3, reasons.get(7).size(), "member id, time zone and consent: " + reasons.get(7));
        assertTrue(reasons.get(8).get(0).contains("9 cells, the header 8 columns"));
        assertEquals(3, reasons.get(9).size(), "member id, number and language: " + reasons.get(9));

        assertTrue(Arrays.equals(before, totals()), "nothing half-imported");
        assertEquals(0, count(db, "select count(*) from respondents where member_id = ?", p + "good"));
    }

    @Test
    void import_whenOnlyTheDatabaseRefusesARow_storesNothingEither() throws Exception {
        String p = Members.prefix();
        String taken = number();
        importCsv(HEADER + p + "a,whatsapp," + taken + ",nl,,,,\n").then().statusCode(200);
        long[] before = totals();
        importCsv(HEADER + p + "b,telegram,,ar,,,,\n" + p + "c,whatsapp," + taken + ",ar,,,,\n").then().statusCode(422)
                .body("details.line", equalTo(List.of(3))).body("details.memberId", equalTo(List.of(p + "c")));
        assertTrue(Arrays.equals(before, totals()));
    }

    @Test
    void import_whenSentAgain_updatesOnlyWhatChanged() throws Exception {
        String p = Members.prefix();
        String n1 = number();
        String n2 = number();
        String csv = HEADER + p + "1,whatsapp," + n1 + ",ar,,given,Utrecht,2019\n" + p + "2,telegram,,ti,,,Amsterdam,\n";
        importCsv(csv).then().statusCode(200).body("created", equalTo(2));
        String enrolled = value(db, "select enrolled_at::text from respondents where member_id = ?", p + "1");
        Members.update(db, "update respondents set opted_out_at = now() where member_id = ?", p + "2");

        importCsv(csv).then().statusCode(200).body("rows", equalTo(2)).body("created", equalTo(0))
                .body("updated", equalTo(0)).body("unchanged", equalTo(2));

        String changed = HEADER + p + "1,whatsapp," + n2 + ",fa,Asia/Kabul,,,2019\n" + p + "2,telegram,,ti,,,Amsterdam,\n"
                + p + "3,telegram,,nl,,,,\n";
        importCsv(changed).then().statusCode(200).body("created", equalTo(1)).body("updated", equalTo(1))
                .body("unchanged", equalTo(1));
        assertEquals("whatsapp|fa|Asia/Kabul|given|{\"arrival_year\": \"2019\"}|active", row(p + "1"),
                "language, zone and attributes replaced; an empty consent keeps the one given");
        assertEquals(enrolled, value(db, "select enrolled_at::text from respondents where member_id = ?", p + "1"));
        assertEquals(0, count(db, "select count(*) from channel_identities where provider_id = ?", "whatsapp:" + n1),
                "the old number is forgotten");
        assertEquals(p + "1", value(db, "select r.member_id from channel_identities ci join respondents r on r.id = ci.respondent_id"
                + " where ci.provider_id = ?", "whatsapp:" + n2));
        assertNotNull(value(db, "select opted_out_at from respondents where member_id = ?", p + "2"), "an import never undoes STOP");
    }

    @Test
    void import_whenTwoMembersSwapNumbers_succeeds() throws Exception {
        String p = Members.prefix();
        String n1 = number();
        String n2 = number();
        importCsv(HEADER + p + "1,whatsapp," + n1 + ",ar,,,,\n" + p + "2,whatsapp," + n2 + ",ar,,,,\n").then().statusCode(200);
        importCsv(HEADER + p + "1,whatsapp," + n2 + ",ar,,,,\n" + p + "2,whatsapp," + n1 + ",ar,,,,\n").then().statusCode(200)
                .body("updated", equalTo(2));
        assertEquals(p + "2", value(db, "select r.member_id from channel_identities ci join respondents r on r.id = ci.respondent_id"
                + " where ci.provider_id = ?", "whatsapp:" + n1));
        assertEquals(p + "1", value(db, "select r.member_id from channel_identities ci join respondents r on r.id = ci.respondent_id"
                + " where ci.provider_id = ?", "whatsapp:" + n2));
    }

    @Test
    void import_whenAMemberMovesToTelegram_forgetsTheirNumber() throws Exception {
        String p = Members.prefix();
        String n = number();
        importCsv(HEADER + p + "1,whatsapp," + n + ",ar,,,,\n").then().statusCode(200);
        importCsv(HEADER + p + "1,telegram,,ar,,,,\n").then().statusCode(200).body("updated", equalTo(1));
        assertEquals(0, count(db, "select count(*) from channel_identities where provider_id = ?", "whatsapp:" + n));
        assertEquals("telegram", value(db, "select channel from respondents where member_id = ?", p + "1"));
    }

    @Test
    void import_whenTheNumberWroteToStemBeforeEnrolment_movesItToTheMember() throws Exception {
        String p = Members.prefix();
        String n = number();
        UUID anonymous = UUID.randomUUID();
        Members.update(db, "insert into respondents (id, pseudonym, status) values (?, ?, 'active')", anonymous,
                "R" + anonymous.toString().substring(0, 12).replace("-", "0"));
        Members.update(db, "insert into channel_identities (respondent_id, channel, provider_id) values (?, 'whatsapp', ?)",
                anonymous, "whatsapp:" + n);
        importCsv(HEADER + p + "1,whatsapp," + n + ",ar,,,,\n").then().statusCode(200).body("created", equalTo(1));
        assertEquals(p + "1", value(db, "select r.member_id from channel_identities ci join respondents r on r.id = ci.respondent_id"
                + " where ci.provider_id = ?", "whatsapp:" + n));
        assertNull(value(db, "select member_id from respondents where id = ?", anonymous), "their earlier answers stay anonymous");
    }

    @Test
    void import_whenNotAMemberFile_isRefusedClearly() {
        ApiTokensForTests.as("coordinator").contentType("application/json").body("{}").post("/api/members/import")
                .then().statusCode(415).body("code", equalTo("not_csv"));
        given().auth().oauth2(ApiTokensForTests.token("coordinator")).body(HEADER.getBytes(StandardCharsets.UTF_8))
                .post("/api/members/import").then().statusCode(415);
        ApiTokensForTests.as("coordinator").contentType("text/plain; charset=utf-8").body(HEADER).post("/api/members/import")
                .then().statusCode(400).body("code", equalTo("no_members"));
        importCsv("").then().statusCode(400).body("code", equalTo("empty_file"));
        importCsv(HEADER).then().statusCode(400).body("code", equalTo("no_members"));
        importCsv("\"member_id,channel\nx").then().statusCode(400).body("code", equalTo("malformed_csv"));
        ApiTokensForTests.as("coordinator").contentType("text/csv").body(new byte[] {'a', (byte) 0xC3, '\n'})
                .post("/api/members/import").then().statusCode(400).body("code", equalTo("not_utf8"));
    }

    @Test
    void import_whenLargerThanTheLimit_is413() {
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'a');
        byte[] header = HEADER.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(header, 0, big, 0, header.length);
        ApiTokensForTests.as("coordinator").contentType("text/csv").body(big).post("/api/members/import")
                .then().statusCode(413).body("code", equalTo("body_too_large"));
    }

    @Test
    void import_byResearcherOrAnonymous_isRefused() {
        importCsv("researcher", HEADER).then().statusCode(403).body("code", equalTo("forbidden"));
        given().contentType("text/csv").body(HEADER).post("/api/members/import").then().statusCode(401);
        importCsv("admin", HEADER).then().statusCode(400).body("code", equalTo("no_members"));
    }

    /** channel|language|time_zone|consent|attributes|status of a member. */
    private String row(String memberId) throws SQLException {
        return value(db, "select concat_ws('|', channel, preferred_language, coalesce(time_zone, ''), consent_status,"
                + " attributes::text, status) from respondents where member_id = ?", memberId);
    }
}
