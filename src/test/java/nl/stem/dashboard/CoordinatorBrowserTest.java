package nl.stem.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.api.ApiTokensForTests;
import nl.stem.api.PublishedForTests;
import nl.stem.panel.PanelFixture;

/**
 * A coordinator with only a browser, on a phone (390×844): imports a member file with a bad row, reads
 * the report, fixes the file and imports it, finds a member, launches a wave to them after its preview,
 * closes it and sends what we learned (to those who answered), then erases a member after typing their id. Screenshots of each
 * step go to target/screenshots/; no page scrolls sideways and every button is at least 44 px tall.
 */
@QuarkusTest
class CoordinatorBrowserTest {
    private static final String HEADER = "member_id,channel,whatsapp_number,language,time_zone,consent,region\n";

    @TestHTTPResource("/dashboard/login")
    URL loginPage;
    @Inject
    DataSource db;

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
    void coordinator_importsLaunchesClosesSendsFeedbackAndErases_onAPhone() throws Exception {
        PanelFixture panel = new PanelFixture(db);
        String survey = nl.stem.panel.wave.WaveTestSurveys.publish("cb_" + panel.prefix);
        String a = panel.id("a");
        String b = panel.id("b");
        String rows = a + ",whatsapp," + MemberPagesTest.dutchMobile() + ",ar,,given," + panel.prefix + "\n"
                + b + ",whatsapp," + MemberPagesTest.dutchMobile() + ",ti,,given," + panel.prefix + "\n";
        Path bad = Files.writeString(Files.createTempFile("members-bad", ".csv"),
                HEADER + rows.replace(",ti,", ",tigrinya,"), StandardCharsets.UTF_8);
        Path good = Files.writeString(Files.createTempFile("members", ".csv"), HEADER + rows, StandardCharsets.UTF_8);

        driver.get(loginPage + "?lang=en");
        driver.findElement(By.id("token")).sendKeys(ApiTokensForTests.token("coordinator"));
        driver.findElement(By.id("login-submit")).click();
        wait.until(d -> d.findElements(By.id("nav-members")).size() == 1);
        driver.findElement(By.id("nav-members")).click();
        wait.until(d -> d.findElements(By.id("import-form")).size() == 1);

        upload(bad);
        WebElement refusal = wait.until(d -> d.findElements(By.id("import-refusal")).stream().findFirst().orElse(null));
        assertTrue(refusal.getText().contains("nothing was imported"), refusal.getText());
        assertTrue(driver.findElement(By.id("import-problems")).getText().contains(b), "the bad row is named");
        assertEquals(0L, panel.value("select count(*) from respondents where member_id like ?", panel.prefix + "%"));
        browser.phoneChecks();
        browser.screenshot("members-import-refused-phone");

        upload(good);
        WebElement result = wait.until(d -> d.findElements(By.id("import-result")).stream().findFirst().orElse(null));
        assertEquals("Imported 2 rows: 2 new, 0 updated, 0 unchanged.", result.getText());
        driver.findElement(By.id("attribute")).sendKeys("region=" + panel.prefix);
        driver.findElement(By.id("find")).click();
        wait.until(d -> d.findElements(By.cssSelector("#members tr[data-key='" + b + "']")).size() == 1);
        assertEquals("Members found: 2; shown: 1-2.", driver.findElement(By.id("match-count")).getText());
        browser.phoneChecks();
        browser.screenshot("members-list-phone");

        driver.get(loginPage.toString().replace("/dashboard/login", "/dashboard/waves/new?lang=en"));
        driver.findElement(By.id("name")).sendKeys("Phone wave " + panel.prefix);
        new Select(driver.findElement(By.id("survey"))).selectByValue(survey);
        driver.findElement(By.id("attributes")).sendKeys("region=" + panel.prefix);
        driver.findElement(By.id("preview")).click();
        WebElement invited = wait.until(d -> d.findElements(By.id("invited-count")).stream().findFirst().orElse(null));
        assertTrue(invited.getText().startsWith("2 members invited"), invited.getText());
        browser.phoneChecks();
        browser.screenshot("wave-new-preview-phone");
        driver.findElement(By.id("launch")).click();
        wait.until(d -> d.findElements(By.id("close-form")).size() == 1);
        assertEquals(1L, panel.value("select count(*) from waves where name = ?", "Phone wave " + panel.prefix));

        Object links = browser.jsAsync("const done = arguments[arguments.length - 1];"
                + " fetch(document.getElementById('links-csv').href).then(r => r.text().then(t => done(r.status + ' ' + t)))");
        assertTrue(String.valueOf(links).startsWith("200 "), "the links list opens with the session: " + links);
        driver.findElement(By.id("close")).click();
        WebElement feedback = wait.until(d -> d.findElements(By.id("feedback-form")).stream().findFirst().orElse(null));
        feedback.findElement(By.name("text_ar")).sendKeys("شكراً! قال معظمكم إن دروس اللغة تساعد.");
        feedback.findElement(By.name("text_default")).sendKeys("Thank you! Most of you said language lessons help.");
        browser.screenshot("wave-feedback-phone");
        driver.findElement(By.id("preview-feedback")).click();
        WebElement arabic = wait.until(d -> d.findElements(By.cssSelector("#feedback-preview [data-key='ar'] .bubble")).stream()
                .findFirst().orElse(null));
        assertEquals("rtl", arabic.getAttribute("dir"));
        assertTrue(arabic.getText().contains("دروس اللغة"), arabic.getText());
        browser.phoneChecks();
        browser.screenshot("wave-feedback-preview-phone");
        driver.findElement(By.id("send-feedback")).click();
        wait.until(d -> d.findElements(By.id("feedback-sent")).size() == 1);
        // Only members who answered get it; nobody did here, so the wave is marked and nothing is queued.
        assertEquals(1L, panel.value("select count(*) from waves where name = ? and feedback_sent_at is not null", "Phone wave " + panel.prefix));

        driver.get(loginPage.toString().replace("/dashboard/login", "/dashboard/members/" + a + "?lang=en"));
        assertTrue(driver.findElement(By.id("member-waves")).getText().contains("Phone wave " + panel.prefix));
        assertTrue(driver.findElement(By.id("member-contacts")).getText().contains("invitation"));
        browser.phoneChecks();
        browser.screenshot("member-page-phone");
        driver.findElement(By.id("erase-link")).click();
        wait.until(d -> d.findElements(By.id("erase-form")).size() == 1);
        driver.findElement(By.id("confirm")).sendKeys(b);
        driver.findElement(By.id("erase-button")).click();
        WebElement mismatch = wait.until(d -> d.findElements(By.id("erase-error")).stream().findFirst().orElse(null));
        assertTrue(mismatch.getText().contains("nothing was erased"), mismatch.getText());
        driver.findElement(By.id("confirm")).sendKeys(a);
        browser.screenshot("member-erase-phone");
        driver.findElement(By.id("erase-button")).click();
        WebElement notice = wait.until(d -> d.findElements(By.id("notice")).stream().findFirst().orElse(null));
        assertEquals("Member " + a + " was erased.", notice.getText());
        assertEquals(0L, panel.value("select count(*) from respondents where member_id = ?", a));
        assertEquals(1L, panel.value("select count(*) from respondents where member_id = ?", b));

        driver.manage().window().setSize(new Dimension(1366, 900));
        driver.get(loginPage.toString().replace("/dashboard/login", "/dashboard/members?lang=nl&attribute=region%3D" + panel.prefix));
        assertTrue(driver.findElement(By.id("match-count")).getText().startsWith("Deelnemers gevonden: 1;"), "Dutch, one member left");
        browser.screenshot("members-list-desktop-nl");
    }

    private void upload(Path file) {
        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        driver.findElement(By.id("import-button")).click();
    }

}
