package nl.stem.api.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import nl.stem.api.ApiTokensForTests;
import nl.stem.api.PreviewDriver;
import nl.stem.api.PublishedForTests;

@QuarkusTest
public class SurveyResourceTest {

    static String uniqueId() {
        return PublishedForTests.remember("t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    @AfterEach
    void retireTestSurveys() {
        PublishedForTests.retireAll();
    }

    public static String yaml(String id, String extra) {
        return """
                id: %s
                title: Testvragen
                source_language: nl
                languages: [nl]
                open_to_anyone: true
                questions:
                  - id: kleur
                    type: single_choice
                    text: "Welke kleur?"
                    choices:
                      - {id: rood, label: Rood}
                      - {id: blauw, label: Blauw}
                    ioi: [culture]
                %s""".formatted(id, extra);
    }

    public static Map<String, Object> upload(String id, String yaml, Map<String, String> translations) {
        return Map.of("survey", Map.of("file", id + ".yaml", "content", yaml), "translations", translations);
    }

    @Test
    void publish_whenNewThenSameThenChanged_givesVersionsAndDiff() {
        String id = uniqueId();
        var v1 = ApiTokensForTests.researcher().contentType(ContentType.JSON).body(upload(id, yaml(id, ""), Map.of()))
                .post("/api/surveys").then().statusCode(201)
                .body("id", equalTo(id)).body("version", equalTo(1)).body("created", equalTo(true)).extract().jsonPath();
        ApiTokensForTests.researcher().contentType(ContentType.JSON).body(upload(id, yaml(id, ""), Map.of()))
                .post("/api/surveys").then().statusCode(200).body("version", equalTo(1))
                .body("checksum", equalTo(v1.getString("checksum"))).body("created", equalTo(false));
        String changed = yaml(id, """
                  - id: jaren
                    type: number
                    text: "Hoeveel jaar?"
                    min: 0
                    max: 80
                """).replace("Welke kleur?", "Welke kleur vind je mooi?");
        ApiTokensForTests.researcher().contentType(ContentType.JSON).body(upload(id, changed, Map.of()))
                .post("/api/surveys").then().statusCode(201).body("version", equalTo(2));

        ApiTokensForTests.researcher().get("/api/surveys").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.latestVersion", equalTo(2))
                .body("find { it.id == '" + id + "' }.versions", equalTo(2))
                .body("find { it.id == '" + id + "' }.retired", equalTo(false));
        ApiTokensForTests.researcher().get("/api/surveys/" + id + "/versions").then().statusCode(200)
                .body("version", equalTo(List.of(1, 2)));
        ApiTokensForTests.researcher().get("/api/surveys/" + id + "/versions/2").then().statusCode(200)
                .body("sources.surveyFile", equalTo("surveys/" + id + ".yaml"))
                .body("sources.yaml", equalTo(changed))
                .body("questions.id", equalTo(List.of("kleur", "jaren")))
                .body("questions[0].choices", equalTo(List.of("rood", "blauw")))
                .body("questions[0].texts.nl.'kleur.text'", equalTo("Welke kleur vind je mooi?"))
                .body("questions[0].ioi", equalTo(List.of("culture")));
        ApiTokensForTests.researcher().get("/api/surveys/" + id + "/diff?from=1&to=2").then().statusCode(200)
                .body("added", equalTo(List.of("jaren")))
                .body("removed", equalTo(List.of()))
                .body("changed.id", equalTo(List.of("kleur")))
                .body("changed[0].changed", equalTo(List.of("texts.nl")));

        given().auth().oauth2(ApiTokensForTests.BOOTSTRAP).get("/api/audit?limit=100").then().statusCode(200)
                .body("entries.findAll { it.subject == '" + id + "' }.action", hasItem("survey.publish"));

        // a new conversation takes the new version, and the export shows what was tapped (the label) and typed under it
        PreviewDriver.start(id, "nl").tap("a:kleur:blauw").type("١٢");
        String csv = ApiTokensForTests.researcher().get("/api/exports/long.csv?survey=" + id + "&include_preview=true&version=2")
                .then().statusCode(200).extract().asString();
        assertTrue(csv.contains("," + id + ",2,kleur,single_choice,blauw,Blauw,Blauw,nl,preview,"), csv);
        assertTrue(csv.contains("," + id + ",2,jaren,number,12,,١٢,nl,preview,"), csv);
    }

    @Test
    void retire_stopsNewSessions() {
        String id = uniqueId();
        ApiTokensForTests.researcher().contentType(ContentType.JSON).body(upload(id, yaml(id, ""), Map.of()))
                .post("/api/surveys").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("survey", id, "language", "nl"))
                .post("/try/api/conversations").then().statusCode(201);
        ApiTokensForTests.researcher().post("/api/surveys/" + id + "/retire").then().statusCode(200)
                .body("retired", equalTo(true));
        given().contentType(ContentType.JSON).body(Map.of("survey", id, "language", "nl"))
                .post("/try/api/conversations").then().statusCode(404);
        ApiTokensForTests.researcher().get("/api/surveys").then()
                .body("find { it.id == '" + id + "' }.retired", equalTo(true));
        given().auth().oauth2(ApiTokensForTests.BOOTSTRAP).get("/api/audit?limit=100").then()
                .body("entries.findAll { it.subject == '" + id + "' }.action", hasItem("survey.retire"));
    }

    @Test
    void validate_whenInvalid_is422ListingEveryProblemWithFileLineAndKey() {
        String id = uniqueId();
        String bad = yaml(id, """
                  - id: kleur
                    type: single_choice
                    text: "Nog eens?"
                    choices: []
                    ioi: [no_such_domain]
                """);
        JsonPath p = ApiTokensForTests.researcher().contentType(ContentType.JSON)
                .body(upload(id, bad, Map.of("ar", "msgctxt \"nope.text\"\nmsgid \"x\"\nmsgstr \"y\"\n")))
                .post("/api/surveys/validate").then().statusCode(422)
                .body("code", equalTo("survey_invalid"))
                .extract().jsonPath();
        List<Map<String, Object>> details = p.getList("details");
        assertTrue(details.size() >= 3, "every problem is listed: " + details);
        for (Map<String, Object> d : details) {
            assertTrue(d.containsKey("file") && d.containsKey("line") && d.containsKey("key") && d.containsKey("message"), d.toString());
        }
        assertTrue(details.stream().anyMatch(d -> d.get("file").equals("surveys/" + id + ".yaml") && ((Integer) d.get("line")) > 0),
                "problems name the survey file and line: " + details);
        assertTrue(details.stream().anyMatch(d -> String.valueOf(d.get("message")).contains("no_such_domain")), details.toString());
        assertTrue(details.stream().anyMatch(d -> d.get("file").equals("translations/" + id + "/ar.po")), details.toString());
        // publish refuses the same way and publishes nothing
        ApiTokensForTests.researcher().contentType(ContentType.JSON).body(upload(id, bad, Map.of()))
                .post("/api/surveys").then().statusCode(422).body("details.key", hasItems("questions.kleur.choices"));
        ApiTokensForTests.researcher().get("/api/surveys/" + id + "/versions").then().statusCode(404);
    }

    @Test
    void validate_whenDiskSurvey_isValidAndPublishingItAgainIsUnchanged() throws Exception {
        String yaml = Files.readString(Path.of("surveys/toegang_tot_werk.yaml"));
        Map<String, String> po = new java.util.TreeMap<>();
        try (var s = Files.list(Path.of("translations/toegang_tot_werk"))) {
            for (Path f : s.toList()) {
                po.put(f.getFileName().toString().replace(".po", ""), Files.readString(f));
            }
        }
        ApiTokensForTests.researcher().contentType(ContentType.JSON).body(upload("toegang_tot_werk", yaml, po))
                .post("/api/surveys/validate").then().statusCode(200).body("valid", equalTo(true))
                .body("surveyId", equalTo("toegang_tot_werk"));
        ApiTokensForTests.researcher().contentType(ContentType.JSON).body(upload("toegang_tot_werk", yaml, po))
                .post("/api/surveys").then().statusCode(200).body("created", equalTo(false));
    }

    @Test
    void upload_whenOverTheLimit_is413() {
        String id = uniqueId();
        String huge = yaml(id, "") + "# " + "x".repeat(6 * 1024 * 1024) + "\n";
        ApiTokensForTests.researcher().contentType(ContentType.JSON).body(upload(id, huge, Map.of()))
                .post("/api/surveys").then().statusCode(413).body("code", equalTo("body_too_large"));
    }

    @Test
    void upload_whenNoSurveyFileOrBadName_is400() {
        ApiTokensForTests.researcher().contentType(ContentType.JSON).body(Map.of("translations", Map.of()))
                .post("/api/surveys/validate").then().statusCode(400).body("code", equalTo("survey_required"));
        ApiTokensForTests.researcher().contentType(ContentType.JSON)
                .body(Map.of("survey", Map.of("file", "../etc/passwd", "content", "x")))
                .post("/api/surveys").then().statusCode(400).body("code", equalTo("bad_file_name"));
    }

    @Test
    void unknownSurveyOrVersion_is404() {
        ApiTokensForTests.researcher().get("/api/surveys/no_such_survey/versions").then().statusCode(404)
                .body("code", equalTo("survey_not_found"));
        ApiTokensForTests.researcher().get("/api/surveys/toegang_tot_werk/versions/999").then().statusCode(404)
                .body("code", equalTo("version_not_found"));
        ApiTokensForTests.researcher().post("/api/surveys/no_such_survey/retire").then().statusCode(404);
        ApiTokensForTests.researcher().get("/api/surveys/toegang_tot_werk/diff?from=1&to=999").then().statusCode(404);
        ApiTokensForTests.researcher().get("/api/surveys/toegang_tot_werk/diff").then().statusCode(400)
                .body("message", containsString("from"));
    }

    @Test
    void definition_ofDiskSurvey_hasEveryLanguage() {
        var p = ApiTokensForTests.researcher().get("/api/surveys/veiligheid_en_stabiliteit/versions/1").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("nl", "en", "ar", "ti", "fa", "prs", "ps", "ckb", "kmr", "so", "uk", "ru", "tr", "fr"), p.getList("languages"));
        assertEquals("harassed == 'yes'", p.getString("questions.find { it.id == 'where' }.when"));
    }
}
