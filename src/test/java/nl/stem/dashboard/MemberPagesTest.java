package nl.stem.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import nl.stem.api.ApiTokensForTests;
import nl.stem.panel.PanelFixture;

/**
 * A coordinator manages members in the browser through the same services as the API: an import with
 * a bad row is refused as a whole with the row shown, the fixed file imports, search and filters
 * find the member, their page shows link, language, consent and waves, and erasure needs the member
 * id typed. Forms without their token, other roles and bad input change nothing.
 */
@QuarkusTest
class MemberPagesTest {
    private static final String HEADER = "member_id,channel,whatsapp_number,language,time_zone,consent,region\n";

    @Inject
    DataSource db;

    @Test
    void coordinator_importsFixesSearchesViewsAndErases() throws Exception {
        PanelFixture panel = new PanelFixture(db);
        String cookie = DashboardLogins.login(ApiTokensForTests.token("coordinator"));
        String number = MemberPagesTest.dutchMobile();
        String bad = HEADER + panel.id("a") + ",whatsapp," + number + ",ar,,given," + panel.prefix + "\n"
                + panel.id("b") + ",telegram,,arabic,,," + panel.prefix + "\n";

        String refused = upload(cookie, FormTokens.of(cookie), bad).then().statusCode(422).contentType(ContentType.HTML)
                .extract().asString();
        assertTrue(refused.contains("id=\"import-refusal\""), refused);
        assertTrue(refused.contains("<td class=\"num\">3</td><td>" + panel.id("b") + "</td>"), "the bad row, by line and member id");
        assertTrue(refused.contains("arabic"), "the reason names the bad value");
        assertEquals(0L, panel.value("select count(*) from respondents where member_id like ?", panel.prefix + "%"));

        String fixed = bad.replace(",arabic,", ",ar,");
        String imported = upload(cookie, FormTokens.of(cookie), fixed).then().statusCode(200).extract().asString();
        assertTrue(imported.contains("Imported 2 rows: 2 new, 0 updated, 0 unchanged."), imported);
        assertEquals(2L, panel.value("select count(*) from respondents where member_id like ?", panel.prefix + "%"));

        String found = page(cookie, "/dashboard/members?lang=en&attribute=region%3D" + panel.prefix + "&channel=whatsapp");
        assertTrue(found.contains("data-key=\"" + panel.id("a") + "\""), found);
        assertFalse(found.contains("data-key=\"" + panel.id("b") + "\""), "the channel filter leaves the Telegram member out");
        assertTrue(found.contains("Members found: 1;"), found);
        String byNumber = page(cookie, "/dashboard/members?lang=en&q=" + number.substring(4));
        assertTrue(byNumber.contains("data-key=\"" + panel.id("a") + "\""), "found by part of the number");

        String member = page(cookie, "/dashboard/members/" + panel.id("a") + "?lang=en");
        assertTrue(member.contains("<dd id=\"member-identity\">" + number + "</dd>"), member);
        assertTrue(member.contains("<dd id=\"member-language\">ar</dd>"), member);
        assertTrue(member.contains("<dd id=\"member-consent\">given</dd>"), member);
        assertTrue(member.contains("No waves yet."), member);
        String pending = page(cookie, "/dashboard/members/" + panel.id("b") + "?lang=en");
        assertTrue(pending.contains("<dd id=\"member-link\">not linked yet</dd>"), pending);

        String confirm = page(cookie, "/dashboard/members/" + panel.id("a") + "/erase?lang=en");
        assertTrue(confirm.contains("Type the member id " + panel.id("a") + " to confirm"), confirm);
        erase(cookie, FormTokens.of(cookie), panel.id("a"), panel.id("b")).then().statusCode(400)
                .body(containsString("nothing was erased"));
        assertEquals(1L, panel.value("select count(*) from respondents where member_id = ?", panel.id("a")));
        long audited = (Long) panel.value("select count(*) from audit_log where action = 'respondent.erase'");
        Response erased = erase(cookie, FormTokens.of(cookie), panel.id("a"), " " + panel.id("a") + " ");
        assertEquals(303, erased.statusCode());
        assertEquals(0L, panel.value("select count(*) from respondents where member_id = ?", panel.id("a")));
        assertEquals(audited + 1, panel.value("select count(*) from audit_log where action = 'respondent.erase'"));
        String after = given().cookie(DashboardCookieMechanism.COOKIE, cookie).get(erased.getHeader("Location"))
                .then().statusCode(200).extract().asString();
        assertTrue(after.contains("Member " + panel.id("a") + " was erased."), after);
        given().cookie(DashboardCookieMechanism.COOKIE, cookie).get("/dashboard/members/" + panel.id("a") + "?lang=en")
                .then().statusCode(404).contentType(ContentType.HTML);
    }

    @Test
    void formsWithoutTheirToken_orByAnotherRole_changeNothing() throws Exception {
        PanelFixture panel = new PanelFixture(db);
        String cookie = DashboardLogins.login(ApiTokensForTests.token("coordinator"));
        String csv = HEADER + panel.id("a") + ",telegram,,nl,,," + panel.prefix + "\n";
        upload(cookie, null, csv).then().statusCode(403).contentType(ContentType.HTML).body(containsString("form token"));
        upload(cookie, FormTokens.of("another session"), csv).then().statusCode(403);
        assertEquals(0L, panel.value("select count(*) from respondents where member_id like ?", panel.prefix + "%"));

        upload(cookie, FormTokens.of(cookie), csv).then().statusCode(200);
        erase(cookie, "stale", panel.id("a"), panel.id("a")).then().statusCode(403);
        assertEquals(1L, panel.value("select count(*) from respondents where member_id = ?", panel.id("a")));

        String researcher = DashboardLogins.login(ApiTokensForTests.token("researcher"));
        given().cookie(DashboardCookieMechanism.COOKIE, researcher).get("/dashboard/members?lang=en").then().statusCode(403)
                .contentType(ContentType.HTML);
        given().cookie(DashboardCookieMechanism.COOKIE, researcher).get("/dashboard/members/" + panel.id("a")).then().statusCode(403);
        erase(researcher, FormTokens.of(researcher), panel.id("a"), panel.id("a")).then().statusCode(403);
        assertEquals(1L, panel.value("select count(*) from respondents where member_id = ?", panel.id("a")));
        given().redirects().follow(false).get("/dashboard/members").then().statusCode(303)
                .header("Location", containsString("/dashboard/login"));
    }

    @Test
    void badUploadsAndFilters_getAClearPage() throws Exception {
        String cookie = DashboardLogins.login(ApiTokensForTests.token("coordinator"));
        String token = FormTokens.of(cookie);
        byte[] latin1 = (HEADER + "x-1,telegram,,nl,,,Zuidoost-Drenthë\n").getBytes(StandardCharsets.ISO_8859_1);
        multipart(cookie).multiPart("form_token", token).multiPart("file", "members.csv", latin1, "text/csv")
                .post("/dashboard/members/import").then().statusCode(400).body(containsString("not UTF-8"));
        multipart(cookie).multiPart("form_token", token).multiPart("file", "empty.csv", new byte[0], "text/csv")
                .post("/dashboard/members/import").then().statusCode(400).contentType(ContentType.HTML);
        multipart(cookie).multiPart("form_token", token).multiPart("file", "sheet.xlsx", new byte[] {0x50, 0x4b, 3, 4, 0, 0},
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .post("/dashboard/members/import").then().statusCode(400).contentType(ContentType.HTML);
        upload(cookie, token, "name,phone\nAli,+31612345678\n").then().statusCode(400).body(containsString("header"));
        given().cookie(DashboardCookieMechanism.COOKIE, cookie).get("/dashboard/members?lang=en&channel=fax").then().statusCode(400)
                .contentType(ContentType.HTML).body(containsString("channel must be whatsapp or telegram"));
        given().cookie(DashboardCookieMechanism.COOKIE, cookie).get("/dashboard/members?lang=en&attribute=region").then().statusCode(400)
                .body(containsString("name=value"));
        given().cookie(DashboardCookieMechanism.COOKIE, cookie).get("/dashboard/members?lang=en&offset=-4").then().statusCode(400);
        given().cookie(DashboardCookieMechanism.COOKIE, cookie).get("/dashboard/members/no-such-member?lang=en").then().statusCode(404)
                .contentType(ContentType.HTML);
    }

    /** A Dutch mobile number in a range that is issued (06-1 to 06-5), as import requires. */
    static String dutchMobile() {
        return "+316" + (1 + java.util.concurrent.ThreadLocalRandom.current().nextInt(5))
                + String.format("%07d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000));
    }

    private static RequestSpecification multipart(String cookie) {
        return given().cookie(DashboardCookieMechanism.COOKIE, cookie).redirects().follow(false).multiPart("lang", "en");
    }

    private static Response upload(String cookie, String token, String csv) {
        RequestSpecification r = multipart(cookie).multiPart("file", "members.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        if (token != null) {
            r = r.multiPart("form_token", token);
        }
        return r.post("/dashboard/members/import");
    }

    private static Response erase(String cookie, String token, String memberId, String confirm) {
        return given().cookie(DashboardCookieMechanism.COOKIE, cookie).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("lang", "en").formParam("confirm", confirm).formParam("form_token", token)
                .post("/dashboard/members/" + memberId + "/erase");
    }

    private static String page(String cookie, String path) {
        Response r = given().urlEncodingEnabled(false).cookie(DashboardCookieMechanism.COOKIE, cookie).get(path);
        assertEquals(200, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("text/html"), r.contentType());
        return r.asString();
    }
}
