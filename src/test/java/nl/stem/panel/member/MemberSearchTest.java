package nl.stem.panel.member;

import static io.restassured.RestAssured.given;
import static nl.stem.panel.member.Members.importCsv;
import static nl.stem.panel.member.Members.number;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import nl.stem.api.ApiTokensForTests;

/** Seven members of one batch (an attribute unique to the test), searched and paged. */
@QuarkusTest
class MemberSearchTest {
    @Inject
    DataSource db;

    String p;
    String batch;
    String n1;
    String chat;

    @BeforeEach
    void enrol() throws Exception {
        p = Members.prefix();
        batch = p.substring(0, p.length() - 1);
        n1 = number();
        importCsv("member_id,channel,whatsapp_number,language,consent,region,batch\n"
                + p + "a1,whatsapp," + n1 + ",ar,given,Utrecht," + batch + "\n"
                + p + "a2,whatsapp," + number() + ",ar,,Utrecht," + batch + "\n"
                + p + "b1,telegram,,ti,given,Amsterdam," + batch + "\n"
                + p + "b2,telegram,,ti,refused,," + batch + "\n"
                + p + "c1,whatsapp," + number() + ",fa-AF,given,Utrecht," + batch + "\n"
                + p + "c2,whatsapp," + number() + ",uk,,Zwolle," + batch + "\n"
                + p + "c3,telegram,,nl,,Utrecht," + batch + "\n").then().statusCode(200).body("created", equalTo(7));
        Members.update(db, "update respondents set opted_out_at = now() where member_id = ?", p + "c2");
        chat = String.valueOf(7_000_000_000L + (long) (Math.random() * 1_000_000_000L));
        Members.update(db, "insert into channel_identities (respondent_id, channel, provider_id)"
                + " select id, 'telegram', ? from respondents where member_id = ?", chat, p + "b1");
        // b1 took part in a wave and finished it
        long version = Long.parseLong(Members.value(db, "select min(id) from survey_versions"));
        long wave = Long.parseLong(Members.value(db, "insert into waves (name, survey_version_id, invite_at, created_by, created_at)"
                + " values ('search test', ?, now(), 'test', now()) returning id", version));
        Members.update(db, "insert into wave_members (wave_id, respondent_id, channel, invited_at)"
                + " select ?, id, 'telegram', now() from respondents where member_id = ?", wave, p + "b1");
        Members.update(db, "insert into sessions (id, respondent_id, survey_version_id, channel, status, state, started_at,"
                + " updated_at, completed_at, wave_id) select gen_random_uuid(), id, ?, 'telegram', 'completed', '{}', now(), now(),"
                + " now(), ? from respondents where member_id = ?", version, wave, p + "b1");
    }

    JsonPath search(String query) {
        return ApiTokensForTests.as("coordinator").get("/api/members?attribute.batch=" + batch + query)
                .then().statusCode(200).extract().jsonPath();
    }

    List<String> ids(String query) {
        return search(query).getList("members.memberId");
    }

    @Test
    void search_whenFiltered_findsTheMatchingMembersInMemberIdOrder() {
        assertEquals(List.of(p + "a1", p + "a2", p + "b1", p + "b2", p + "c1", p + "c2", p + "c3"), ids(""));
        assertEquals(List.of(p + "b1", p + "b2", p + "c3"), ids("&channel=telegram"));
        assertEquals(List.of(p + "a1", p + "a2"), ids("&language=ar"));
        assertEquals(List.of(p + "c1"), ids("&language=fa-af"));
        assertEquals(List.of(p + "a1", p + "b1", p + "c1"), ids("&consent=given"));
        assertEquals(List.of(p + "c2"), ids("&status=opted_out"));
        assertEquals(6, ids("&status=active").size());
        assertEquals(List.of(p + "a1", p + "a2", p + "c1", p + "c3"), ids("&attribute.region=Utrecht"));
        assertEquals(List.of(p + "a1", p + "c1"), ids("&attribute.region=Utrecht&consent=given&channel=whatsapp"));
        assertEquals(List.of(), ids("&attribute.region=utrecht"));
        assertEquals(List.of(p + "c1", p + "c2", p + "c3"), ids("&q=" + p.toUpperCase() + "C"));
        String spaced = n1.substring(0, 3) + " " + n1.substring(3, 6) + "-" + n1.substring(6);
        assertEquals(List.of(p + "a1"), ApiTokensForTests.as("coordinator").queryParam("q", spaced).get("/api/members")
                .then().statusCode(200).extract().jsonPath().getList("members.memberId"));
        assertEquals(List.of(p + "b1"), ids("&q=" + chat));
    }

    @Test
    void search_whenPaged_keepsTheTotalAndTheOrder() {
        JsonPath first = search("&limit=3");
        assertEquals(7, first.getInt("total"));
        assertEquals(3, first.getInt("limit"));
        assertEquals(0, first.getInt("offset"));
        assertEquals(List.of(p + "a1", p + "a2", p + "b1"), first.getList("members.memberId"));
        assertEquals(List.of(p + "b2", p + "c1", p + "c2"), ids("&limit=3&offset=3"));
        assertEquals(List.of(p + "c3"), ids("&limit=3&offset=6"));
        JsonPath beyond = search("&limit=3&offset=9");
        assertEquals(7, beyond.getInt("total"));
        assertEquals(List.of(), beyond.getList("members"));
        assertEquals(50, search("").getInt("limit"));
    }

    @Test
    void member_showsLinkIdentityAndProgress() {
        JsonPath a1 = ApiTokensForTests.as("coordinator").get("/api/members/" + p + "a1").then().statusCode(200).extract().jsonPath();
        assertEquals("whatsapp", a1.getString("channel"));
        assertEquals("linked", a1.getString("link"));
        assertEquals(n1, a1.getString("identity"));
        assertEquals("ar", a1.getString("language"));
        assertNull(a1.getString("timeZone"));
        assertEquals("given", a1.getString("consent"));
        assertEquals(Map.of("region", "Utrecht", "batch", batch), a1.getMap("attributes"));
        assertNotNull(a1.getString("enrolledAt"));
        assertNull(a1.getString("optedOutAt"));

        JsonPath b1 = ApiTokensForTests.as("admin").get("/api/members/" + p + "b1").then().statusCode(200).extract().jsonPath();
        assertEquals("linked", b1.getString("link"));
        assertEquals(chat, b1.getString("identity"));
        assertEquals(1, b1.getInt("waves"));
        assertEquals(1, b1.getInt("completedSessions"));

        JsonPath b2 = ApiTokensForTests.as("coordinator").get("/api/members/" + p + "b2").then().statusCode(200).extract().jsonPath();
        assertEquals("pending", b2.getString("link"));
        assertNull(b2.getString("identity"));
        assertEquals(0, b2.getInt("waves"));
        assertNotNull(ApiTokensForTests.as("coordinator").get("/api/members/" + p + "c2").then().statusCode(200)
                .extract().path("optedOutAt"));
    }

    @Test
    void search_whenAskedNonsense_is400Or404() {
        ApiTokensForTests.as("coordinator").get("/api/members/" + p + "nobody").then().statusCode(404)
                .body("code", equalTo("member_not_found"));
        ApiTokensForTests.as("coordinator").get("/api/members?atribute.region=x").then().statusCode(400)
                .body("code", equalTo("unknown_parameter"));
        ApiTokensForTests.as("coordinator").get("/api/members?status=gone").then().statusCode(400).body("code", equalTo("bad_status"));
        ApiTokensForTests.as("coordinator").get("/api/members?channel=sms").then().statusCode(400).body("code", equalTo("bad_channel"));
        ApiTokensForTests.as("coordinator").get("/api/members?consent=yes").then().statusCode(400).body("code", equalTo("bad_consent"));
        ApiTokensForTests.as("coordinator").get("/api/members?language=!!").then().statusCode(400).body("code", equalTo("bad_language"));
        ApiTokensForTests.as("coordinator").get("/api/members?limit=0").then().statusCode(400).body("code", equalTo("bad_limit"));
        ApiTokensForTests.as("coordinator").get("/api/members?limit=1001").then().statusCode(400).body("code", equalTo("bad_limit"));
        ApiTokensForTests.as("coordinator").get("/api/members?offset=-1").then().statusCode(400).body("code", equalTo("bad_offset"));
        ApiTokensForTests.as("coordinator").get("/api/members?limit=ten").then().statusCode(400).body("code", equalTo("bad_limit"));
        ApiTokensForTests.as("coordinator").get("/api/members?attribute.Region=x").then().statusCode(400)
                .body("code", equalTo("bad_attribute"));
        ApiTokensForTests.as("coordinator").get("/api/members?channel=whatsapp&channel=telegram").then().statusCode(400)
                .body("code", equalTo("repeated_parameter"));
    }

    @Test
    void members_areForCoordinatorsAndAdminsOnly() {
        for (String path : List.of("/api/members", "/api/members/" + p + "a1")) {
            ApiTokensForTests.as("researcher").get(path).then().statusCode(403).body("code", equalTo("forbidden"));
            given().get(path).then().statusCode(401).body("code", equalTo("unauthorized"));
        }
        ApiTokensForTests.as("researcher").delete("/api/members/" + p + "a1").then().statusCode(403);
        given().delete("/api/members/" + p + "a1").then().statusCode(401);
        ApiTokensForTests.as("coordinator").get("/api/members/" + p + "a1").then().statusCode(200);
    }
}
