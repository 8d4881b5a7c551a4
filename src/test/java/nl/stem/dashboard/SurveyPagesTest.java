package nl.stem.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import nl.stem.api.ApiTokensForTests;
import nl.stem.api.PublishedForTests;

/**
 * A researcher publishes surveys in the browser through the same loader and publisher as the API:
 * a first version, then one with a new question, whose missing translations the draft page lists
 * per language; the PO templates carry every key, filled in they make the draft publishable; the
 * survey page shows the versions, the diff and the translation status, and retires. Forms without
 * their token, coordinators and bad files change nothing.
 */
@QuarkusTest
class SurveyPagesTest {
    private static final String BASE = "veiligheid_en_stabiliteit";
    private static final String NEW_QUESTION = """
              - id: lessons
                type: single_choice
                text: "Helpen de taallessen je?"
                choices:
                  - {id: "yes", label: Ja}
                  - {id: "no", label: Nee}
            """;

    @AfterEach
    void retire() {
        PublishedForTests.retireAll();
    }

    @Test
    void researcher_publishesAVersionWithANewQuestion_throughItsTemplates() throws Exception {
        String id = "sp_" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        String yaml = Files.readString(Path.of("surveys", BASE + ".yaml")).replace("id: " + BASE, "id: " + id);
        Map<String, String> po = shippedTranslations();
        String cookie = DashboardLogins.login(ApiTokensForTests.token("researcher"));

        String draft = upload(cookie, FormTokens.of(cookie), id + ".yaml", yaml, po);
        String page = page(cookie, draft + "?lang=en");
        assertTrue(page.contains("id=\"draft-valid\""), page);
        Response published = post(cookie, draft + "/publish");
        assertEquals(303, published.statusCode());
        assertTrue(page(cookie, published.getHeader("Location")).contains("Version 1 of " + id + " was published."));

        String v2 = yaml.replace("questions:\n", "questions:\n" + NEW_QUESTION);
        String draft2 = upload(cookie, FormTokens.of(cookie), id + ".yaml", v2, po);
        String invalid = page(cookie, draft2 + "?lang=en");
        assertTrue(invalid.contains("id=\"draft-invalid\""), invalid);
        assertTrue(invalid.contains("<code>lessons.text</code>"), "the problem names the key");
        assertTrue(invalid.contains("<code>translations/" + id + "/ar.po</code>"), "and the file");
        assertTrue(invalid.contains("<tr data-key=\"ar\">"), invalid);
        assertTrue(invalid.matches("(?s).*<tr data-key=\"ar\">.*?data-field=\"missing\">3</td>.*"), "three keys missing in Arabic");
        post(cookie, draft2 + "/publish").then().statusCode(422).body(containsString("draft-invalid"));
        assertEquals(1, given().cookie(DashboardCookieMechanism.COOKIE, cookie).get("/api/surveys/" + id + "/versions")
                .then().statusCode(200).extract().jsonPath().getList("$").size(), "nothing published");

        Map<String, String> filled = new LinkedHashMap<>();
        for (String lang : po.keySet()) {
            Response template = given().cookie(DashboardCookieMechanism.COOKIE, cookie).get(draft2 + "/" + lang + ".po");
            assertEquals(200, template.statusCode(), template.asString());
            assertTrue(template.contentType().startsWith("text/x-gettext-translation"), template.contentType());
            assertTrue(template.header("Content-Disposition").contains(id + "-" + lang + ".po"));
            String text = template.asString();
            assertTrue(text.contains("msgctxt \"lessons.text\"\nmsgid \"Helpen de taallessen je?\"\nmsgstr \"\""), text);
            filled.put(id + "-" + lang + ".po", text.replaceAll("(msgid \"[^\"\\n][^\\n]*\\n)msgstr \"\"\\n", "$1msgstr \"[" + lang + "] ok\"\n"));
        }
        RequestSpecification add = multipart(cookie).multiPart("form_token", FormTokens.of(cookie));
        for (Map.Entry<String, String> f : filled.entrySet()) {
            add = add.multiPart("translations", f.getKey(), f.getValue().getBytes(StandardCharsets.UTF_8), "text/x-gettext-translation");
        }
        assertEquals(303, add.post(draft2 + "/translations").statusCode());
        assertTrue(page(cookie, draft2 + "?lang=en").contains("id=\"draft-valid\""));
        Response v2published = post(cookie, draft2 + "/publish");
        assertEquals(303, v2published.statusCode());
        String survey = page(cookie, v2published.getHeader("Location"));
        assertTrue(survey.contains("Version 2 of " + id + " was published."), survey);
        assertTrue(survey.contains("<ul id=\"diff-added\"><li><code>lessons</code></li></ul>"), "the diff of 1 and 2: " + survey);
        assertTrue(survey.matches("(?s).*<tr data-key=\"ar\">.*?data-field=\"missing\">0</td>.*"), "nothing missing in version 2");
        given().cookie(DashboardCookieMechanism.COOKIE, cookie).get(draft2 + "?lang=en").then().statusCode(404)
                .body(containsString("published or never made"));

        // The API gives the same status and templates.
        ApiTokensForTests.as("researcher").get("/api/surveys/" + id + "/translations").then().statusCode(200)
                .body("find { it.language == 'ar' }.missing", org.hamcrest.Matchers.equalTo(0))
                .body("find { it.language == 'ar' }.fuzzy", org.hamcrest.Matchers.greaterThan(0));
        ApiTokensForTests.as("researcher").get("/api/surveys/" + id + "/translations/ti.po?version=1").then().statusCode(200)
                .body(containsString("Language: ti"));
        ApiTokensForTests.as("researcher").get("/api/surveys/" + id + "/translations/nl.po").then().statusCode(404);
        ApiTokensForTests.as("researcher").get("/api/surveys/" + id + "/translations/x!.po").then().statusCode(400);

        assertEquals(303, post(cookie, "/dashboard/surveys/" + id + "/retire").statusCode());
        assertTrue(page(cookie, "/dashboard/surveys/" + id + "?lang=en").contains("id=\"retired\""));
    }

    @Test
    void formsWithoutTheirToken_otherRoles_andBadFiles_changeNothing() throws Exception {
        String id = "sq_" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        String yaml = Files.readString(Path.of("surveys", BASE + ".yaml")).replace("id: " + BASE, "id: " + id);
        String cookie = DashboardLogins.login(ApiTokensForTests.token("researcher"));
        multipart(cookie).multiPart("survey", id + ".yaml", yaml.getBytes(StandardCharsets.UTF_8), "application/yaml")
                .post("/dashboard/surveys/drafts").then().statusCode(403);
        String coordinator = DashboardLogins.login(ApiTokensForTests.token("coordinator"));
        given().cookie(DashboardCookieMechanism.COOKIE, coordinator).get("/dashboard/surveys").then().statusCode(403)
                .contentType(ContentType.HTML);
        upload(coordinator, FormTokens.of(coordinator), id + ".yaml", yaml, Map.of(), 403);
        assertEquals(0L, (long) given().cookie(DashboardCookieMechanism.COOKIE, cookie).get("/api/surveys").jsonPath()
                .getList("findAll { it.id == '" + id + "' }").size());

        String token = FormTokens.of(cookie);
        upload(cookie, token, "Not A Survey.yaml", yaml, Map.of(), 400);
        multipart(cookie).multiPart("form_token", token).multiPart("survey", id + ".yaml", "id: é".getBytes(StandardCharsets.ISO_8859_1), "application/yaml")
                .post("/dashboard/surveys/drafts").then().statusCode(400).body(containsString("is not UTF-8"));
        multipart(cookie).multiPart("form_token", token).multiPart("survey", id + ".yaml", yaml.getBytes(StandardCharsets.UTF_8), "application/yaml")
                .multiPart("translations", "notes.txt", "hello".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/dashboard/surveys/drafts").then().statusCode(400).body(containsString("notes.txt is not a PO file"));
        multipart(cookie).multiPart("form_token", token).post("/dashboard/surveys/drafts").then().statusCode(400)
                .body(containsString("Choose the survey file first."));
        // A file the loader cannot read still makes a draft: its page lists why.
        String broken = upload(cookie, token, id + ".yaml", "id: [unclosed", Map.of());
        assertTrue(page(cookie, broken + "?lang=en").contains("id=\"draft-invalid\""));
        given().cookie(DashboardCookieMechanism.COOKIE, cookie).get("/dashboard/surveys/drafts/not-a-uuid").then().statusCode(404);
        given().cookie(DashboardCookieMechanism.COOKIE, cookie).get("/dashboard/surveys/drafts/" + java.util.UUID.randomUUID())
                .then().statusCode(404).contentType(ContentType.HTML);
        given().cookie(DashboardCookieMechanism.COOKIE, cookie).get("/dashboard/surveys/no_such_survey").then().statusCode(404);
        given().cookie(DashboardCookieMechanism.COOKIE, cookie).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("form_token", "stale").post("/dashboard/surveys/" + BASE + "/retire").then().statusCode(403);
    }

    private static Map<String, String> shippedTranslations() throws Exception {
        Map<String, String> po = new LinkedHashMap<>();
        try (var files = Files.list(Path.of("translations", BASE))) {
            for (Path f : files.sorted().toList()) {
                po.put(f.getFileName().toString().replace(".po", ""), Files.readString(f));
            }
        }
        return po;
    }

    private static RequestSpecification multipart(String cookie) {
        return given().cookie(DashboardCookieMechanism.COOKIE, cookie).redirects().follow(false).multiPart("lang", "en");
    }

    /** Uploads as the form does; the draft's path from the redirect. */
    private static String upload(String cookie, String token, String file, String yaml, Map<String, String> po) {
        Response r = request(cookie, token, file, yaml, po).post("/dashboard/surveys/drafts");
        assertEquals(303, r.statusCode(), r.asString());
        String location = r.getHeader("Location");
        assertTrue(location.matches(".*/dashboard/surveys/drafts/[0-9a-f-]{36}\\?lang=en"), location);
        return location.replaceAll("^https?://[^/]+", "").replace("?lang=en", "");
    }

    private static void upload(String cookie, String token, String file, String yaml, Map<String, String> po, int status) {
        request(cookie, token, file, yaml, po).post("/dashboard/surveys/drafts").then().statusCode(status);
    }

    private static RequestSpecification request(String cookie, String token, String file, String yaml, Map<String, String> po) {
        RequestSpecification r = multipart(cookie).multiPart("form_token", token)
                .multiPart("survey", file, yaml.getBytes(StandardCharsets.UTF_8), "application/yaml");
        for (Map.Entry<String, String> p : po.entrySet()) {
            r = r.multiPart("translations", p.getKey() + ".po", p.getValue().getBytes(StandardCharsets.UTF_8), "text/x-gettext-translation");
        }
        return r;
    }

    private static Response post(String cookie, String path) {
        return given().cookie(DashboardCookieMechanism.COOKIE, cookie).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("lang", "en").formParam("form_token", FormTokens.of(cookie)).post(path);
    }

    private static String page(String cookie, String path) {
        Response r = given().urlEncodingEnabled(false).cookie(DashboardCookieMechanism.COOKIE, cookie).get(path);
        assertEquals(200, r.statusCode(), r.asString());
        return r.asString();
    }
}
