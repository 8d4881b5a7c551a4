package nl.stem.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.stem.api.ApiTokensForTests;
import nl.stem.api.PublishedForTests;

/**
 * A researcher with only a browser, on a phone (390×844): publishes a survey, uploads a new version
 * with a new question, reads the problems and the missing translations, takes the templates through
 * the page's links, uploads them filled in, publishes and reads the diff; then opens the results with
 * their export links. The navigation offers no member or wave pages, and those answer 403.
 */
@QuarkusTest
class ResearcherBrowserTest {
    private static final String BASE = "veiligheid_en_stabiliteit";

    @TestHTTPResource("/dashboard/login")
    URL loginPage;

    private PhoneBrowser browser;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        browser = PhoneBrowser.start("en");
        driver = browser.driver;
        wait = browser.wait;
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        PublishedForTests.retireAll();
    }

    @Test
    void researcher_publishesANewVersionThroughTheTemplates_onAPhone() throws Exception {
        String id = "rb_" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        Path dir = Files.createTempDirectory("survey");
        String yaml = Files.readString(Path.of("surveys", BASE + ".yaml")).replace("id: " + BASE, "id: " + id);
        Path v1 = Files.writeString(dir.resolve(id + ".yaml"), yaml);
        List<String> po = new ArrayList<>();
        try (var files = Files.list(Path.of("translations", BASE))) {
            files.sorted().forEach(f -> po.add(f.toAbsolutePath().toString()));
        }

        driver.get(loginPage + "?lang=en");
        driver.findElement(By.id("token")).sendKeys(ApiTokensForTests.token("researcher"));
        driver.findElement(By.id("login-submit")).click();
        wait.until(d -> d.findElements(By.id("nav-surveys")).size() == 1);
        assertTrue(driver.findElements(By.id("nav-members")).isEmpty(), "no member pages offered to a researcher");
        assertTrue(driver.findElements(By.id("nav-waves")).isEmpty());
        driver.findElement(By.id("nav-surveys")).click();
        wait.until(d -> d.findElements(By.id("upload-form")).size() == 1);

        upload(v1, String.join("\n", po));
        wait.until(d -> d.findElements(By.id("draft-valid")).size() == 1);
        driver.findElement(By.id("publish")).click();
        WebElement notice = wait.until(d -> d.findElements(By.id("notice")).stream().findFirst().orElse(null));
        assertEquals("Version 1 of " + id + " was published.", notice.getText());

        Files.createDirectories(dir.resolve("v2"));
        Path v2 = Files.writeString(dir.resolve("v2").resolve(id + ".yaml"), yaml.replace("questions:\n", """
                questions:
                  - id: lessons
                    type: single_choice
                    text: "Helpen de taallessen je?"
                    choices:
                      - {id: "yes", label: Ja}
                      - {id: "no", label: Nee}
                """));
        driver.get(loginPage.toString().replace("/dashboard/login", "/dashboard/surveys?lang=en"));
        upload(v2, String.join("\n", po));
        WebElement invalid = wait.until(d -> d.findElements(By.id("draft-invalid")).stream().findFirst().orElse(null));
        assertTrue(invalid.getText().startsWith("Not ready to publish"), invalid.getText());
        assertTrue(driver.findElement(By.id("problems")).getText().contains("lessons.text"));
        assertEquals("3", driver.findElement(By.cssSelector("#translations tr[data-key='ar'] [data-field=missing]")).getText());
        browser.phoneChecks();
        browser.screenshot("survey-draft-invalid-phone");

        // The templates, as the page links them (a download in a real browser): filled in, then uploaded.
        List<String> filled = new ArrayList<>();
        for (WebElement link : driver.findElements(By.cssSelector("#translations a[download]"))) {
            String lang = link.getAttribute("id").substring("template-".length());
            String text = (String) browser.jsAsync(
                    "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done)", link.getAttribute("href"));
            assertTrue(text.contains("msgctxt \"lessons.text\""), lang + ": " + text);
            String done = text.replaceAll("(msgid \"[^\"\\n][^\\n]*\\n)msgstr \"\"\\n", "$1msgstr \"[" + lang + "] ok\"\n");
            filled.add(Files.writeString(dir.resolve(id + "-" + lang + ".po"), done, StandardCharsets.UTF_8).toString());
        }
        assertEquals(13, filled.size(), "one template per translated language");
        driver.findElement(By.id("more-translations")).sendKeys(String.join("\n", filled));
        driver.findElement(By.id("add-translations")).click();
        wait.until(d -> d.findElements(By.id("draft-valid")).size() == 1);
        assertEquals("0", driver.findElement(By.cssSelector("#translations tr[data-key='ar'] [data-field=missing]")).getText());
        driver.findElement(By.id("publish")).click();
        notice = wait.until(d -> d.findElements(By.id("notice")).stream().findFirst().orElse(null));
        assertEquals("Version 2 of " + id + " was published.", notice.getText());
        assertEquals("lessons", driver.findElement(By.id("diff-added")).getText());
        browser.phoneChecks();
        browser.screenshot("survey-page-phone");

        // The results, with every export format linked for the session; member pages stay closed.
        driver.get(loginPage.toString().replace("/dashboard/login", "/dashboard/results/" + id + "?lang=en"));
        List<WebElement> exports = wait.until(d -> d.findElements(By.cssSelector("#exports a[data-format]")));
        assertFalse(exports.isEmpty());
        Object status = browser.jsAsync(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status))", exports.get(0).getAttribute("href"));
        assertEquals(200L, status, "the export answers with the dashboard session");
        driver.get(loginPage.toString().replace("/dashboard/login", "/dashboard/members?lang=en"));
        assertTrue(driver.getPageSource().contains("403") || driver.findElement(By.tagName("h1")).getText().length() > 0);
        assertFalse(driver.getPageSource().contains("import-form"), "a researcher gets no member page");
    }

    private void upload(Path survey, String translations) {
        driver.findElement(By.id("survey-file")).sendKeys(survey.toAbsolutePath().toString());
        driver.findElement(By.id("translation-files")).sendKeys(translations);
        driver.findElement(By.id("check")).click();
    }

}
