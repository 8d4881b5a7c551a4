package nl.stem.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import nl.stem.api.ApiTokensForTests;
import nl.stem.api.PublishedForTests;
import nl.stem.channel.whatsapp.NewNumberProfile;
import nl.stem.channel.whatsapp.Phone;
import nl.stem.panel.PanelFixture;
import nl.stem.time.MovableClock;

/**
 * The new user, in a phone browser: a coordinator with a new WhatsApp number (limit 250)
 * previews a 600-member wave, sees that it goes over three days and what it costs, launches it,
 * and the wave's page says the rest wait for the daily limit and when they go. Screenshots in
 * target/screenshots/new-number-*.png.
 */
@QuarkusTest
@TestProfile(NewNumberProfile.class)
class NewNumberBrowserTest {
    /** 10:30 in Amsterdam: outside quiet hours on each day. */
    static final Instant T0 = Instant.parse("2032-05-04T08:30:00Z");

    @TestHTTPResource("/dashboard/login")
    URL loginPage;
    @Inject
    DataSource db;
    @Inject
    MovableClock clock;

    private PhoneBrowser browser;

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        new PanelFixture(db).update("update outbox set status = 'cancelled' where status = 'queued'");
        PublishedForTests.retireAll();
    }

    @Test
    void coordinator_previewsASixHundredMemberWave_seesThreeDaysAndTheCost_launches_andSeesWhatWaits() throws Exception {
        clock.set(T0);
        PanelFixture panel = new PanelFixture(db);
        panel.update("update outbox set status = 'cancelled', last_error = 'cancelled by NewNumberBrowserTest' where status = 'queued'");
        panel.update("update outbox set conversation_started_at = null where conversation_started_at is not null");
        String survey = nl.stem.panel.wave.WaveTestSurveys.publish("nn_" + panel.prefix);
        for (int i = 0; i < 600; i++) {
            panel.member("m" + i, "whatsapp", Phone.fresh().from, "nl", null, "{\"region\":\"" + panel.prefix + "\"}");
        }

        browser = PhoneBrowser.start("en");
        WebDriver driver = browser.driver;
        driver.get(loginPage + "?lang=en");
        driver.findElement(By.id("token")).sendKeys(ApiTokensForTests.token("coordinator"));
        driver.findElement(By.id("login-submit")).click();
        browser.wait.until(d -> d.findElements(By.id("nav-members")).size() == 1);
        driver.get(loginPage.toString().replace("/dashboard/login", "/dashboard/waves/new?lang=en"));
        driver.findElement(By.id("name")).sendKeys("Nieuw nummer " + panel.prefix);
        new Select(driver.findElement(By.id("survey"))).selectByValue(survey);
        driver.findElement(By.id("attributes")).sendKeys("region=" + panel.prefix);
        driver.findElement(By.id("preview")).click();
        WebElement schedule = browser.wait.until(d -> d.findElements(By.id("schedule")).stream().findFirst().orElse(null));

        LocalDate day1 = LocalDate.ofInstant(T0, ZoneId.of("Europe/Amsterdam"));
        List<String> rows = schedule.findElements(By.cssSelector("tbody tr")).stream().map(WebElement::getText).toList();
        assertEquals(List.of(day1 + " whatsapp 250 250", day1.plusDays(1) + " whatsapp 250 250", day1.plusDays(2) + " whatsapp 100 100"),
                rows, "three days within the limit");
        assertTrue(driver.findElement(By.id("last-invitation")).getText().startsWith("The last invitation goes at " + day1.plusDays(2)),
                driver.findElement(By.id("last-invitation")).getText());
        assertEquals("whatsapp marketing, +31 600 0.1597 95.8200",
                driver.findElement(By.cssSelector("#cost tbody tr")).getText());
        assertTrue(driver.findElement(By.id("cost-total")).getText().startsWith("Total for the invitations: 95.8200 USD"),
                driver.findElement(By.id("cost-total")).getText());
        assertEquals(0, driver.findElements(By.id("wave-problems")).size(), "nothing would refuse");
        browser.phoneChecks();
        browser.js("document.getElementById('wave-schedule').scrollIntoView()");
        browser.screenshot("new-number-dry-run-phone");

        driver.findElement(By.id("launch")).click();
        browser.wait.until(d -> d.findElements(By.id("delivery")).size() == 1);
        WebElement waiting = browser.wait.until(d -> d.findElements(By.cssSelector("#delivery-problems li[data-key='whatsapp/daily_limit']"))
                .stream().findFirst().orElse(null));
        assertTrue(waiting.getText().startsWith("whatsapp · waiting · 350"), waiting.getText());
        assertTrue(waiting.getText().contains("the next go on "), waiting.getText());
        browser.phoneChecks();
        browser.js("document.getElementById('delivery').scrollIntoView()");
        browser.screenshot("new-number-wave-delivery-phone");
    }
}
