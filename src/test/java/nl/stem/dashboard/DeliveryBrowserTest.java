package nl.stem.dashboard;

import static nl.stem.api.ApiTokensForTests.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import nl.stem.api.ApiTokensForTests;
import nl.stem.api.PublishedForTests;
import nl.stem.channel.whatsapp.Phone;
import nl.stem.channel.whatsapp.Webhooks;
import nl.stem.panel.PanelFixture;

/**
 * A coordinator on a phone opens a WhatsApp wave whose messages failed in different ways (a handset
 * off, a number without WhatsApp, a template Meta held back) and reads, per channel, what was
 * sent, delivered and read and every failure by reason with what to do. Screenshots in
 * target/screenshots/delivery-*.png.
 */
@QuarkusTest
class DeliveryBrowserTest {
    @TestHTTPResource("/dashboard/login")
    URL loginPage;
    @Inject
    DataSource db;

    private PhoneBrowser browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        PublishedForTests.retireAll();
    }

    @Test
    void wavePage_showsDeliveryPerChannel_andEveryFailureWithItsReasonAndWhatToDo() throws Exception {
        PanelFixture panel = new PanelFixture(db);
        String survey = nl.stem.panel.wave.WaveTestSurveys.publish("dl_" + panel.prefix);
        Phone off = Phone.fresh();
        Phone noWhatsApp = Phone.fresh();
        Phone held = Phone.fresh();
        Phone fine = Phone.fresh();
        panel.member("off", "whatsapp", off.from, "ar", null, null);
        panel.member("nowa", "whatsapp", noWhatsApp.from, "ar", null, null);
        panel.member("held", "whatsapp", held.from, "ar", null, null);
        panel.member("fine", "whatsapp", fine.from, "ar", null, null);
        long wave = as("coordinator").contentType(ContentType.JSON).body(Map.of("name", "Bezorging " + panel.prefix, "survey", survey,
                        "members", List.of(panel.id("off"), panel.id("nowa"), panel.id("held"), panel.id("fine")),
                        "quietHours", Map.of("start", "00:00", "end", "00:00")))
                .post("/api/waves").then().statusCode(201).extract().jsonPath().getLong("wave");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while ((Long) panel.value("select count(*) from outbox o join wave_members wm on wm.invite_outbox_id = o.id "
                + "where wm.wave_id = ? and o.status = 'sent'", wave) < 4) {
            assertTrue(System.nanoTime() < deadline, "the four invitations were not sent");
            Thread.sleep(50);
        }
        callback(off, "undelivered", "30003");
        callback(noWhatsApp, "failed", "63024");
        callback(held, "failed", "63049");
        callback(fine, "read", null);

        browser = PhoneBrowser.start("en");
        WebDriver driver = browser.driver;
        driver.get(loginPage + "?lang=en");
        driver.findElement(By.id("token")).sendKeys(ApiTokensForTests.token("coordinator"));
        driver.findElement(By.id("login-submit")).click();
        browser.wait.until(d -> d.findElements(By.id("nav-members")).size() == 1);
        driver.get(loginPage.toString().replace("/dashboard/login", "/dashboard/waves/" + wave + "?lang=en"));
        browser.wait.until(d -> d.findElements(By.id("delivery")).size() == 1);

        String channel = driver.findElement(By.cssSelector("#delivery-channels tr[data-key='whatsapp']")).getText();
        assertEquals("whatsapp 1 0 0 1 2 0", channel, "queued (held back), sent, delivered, read, failed, cancelled");
        String off30003 = row(driver, "whatsapp/undelivered:30003");
        assertTrue(off30003.contains("the provider could not deliver it (30003)"), off30003);
        assertTrue(off30003.contains("Twilio 30003, unreachable handset: the phone is off or has no signal"), off30003);
        String noWa = row(driver, "whatsapp/not_on_whatsapp:63024");
        assertTrue(noWa.contains("the number cannot receive WhatsApp messages"), noWa);
        assertTrue(noWa.contains("check the member's number or invite them on Telegram"), noWa);
        String suppressed = row(driver, "whatsapp/suppressed");
        assertTrue(suppressed.startsWith("whatsapp · waiting · 1\nMeta held back a marketing template"), suppressed);
        assertTrue(suppressed.contains("submit the templates as utility (docs/whatsapp-templates.md): the next go on "), suppressed);
        browser.phoneChecks();
        browser.js("document.getElementById('delivery').scrollIntoView()");
        browser.screenshot("delivery-failures-by-reason-phone");

        driver.get(loginPage.toString().replace("/dashboard/login", "/dashboard/waves/" + wave + "?lang=nl"));
        assertEquals("Bezorging", driver.findElement(By.id("delivery-title")).getText());
        assertEquals(3, driver.findElements(By.cssSelector("#delivery-problems li")).size());
        assertTrue(row(driver, "whatsapp/suppressed").startsWith("whatsapp · wacht · 1"), row(driver, "whatsapp/suppressed"));
        browser.phoneChecks();
        browser.screenshot("delivery-failures-by-reason-phone-nl");

        as("coordinator").get("/api/waves/" + wave + "/delivery").then().statusCode(200)
                .body("channels[0].failed", org.hamcrest.Matchers.equalTo(2))
                .body("channels[0].problems.reason", org.hamcrest.Matchers.hasItems("undelivered", "not_on_whatsapp", "suppressed"));
        // Leave nothing queued for later tests' clocks.
        panel.update("update outbox set status = 'cancelled' where recipient = ? and status = 'queued'", held.from);
        as("coordinator").post("/api/waves/" + wave + "/close").then().statusCode(200);
    }

    private static String row(WebDriver driver, String key) {
        return driver.findElement(By.cssSelector("#delivery-problems li[data-key='" + key + "']")).getText();
    }

    private void callback(Phone p, String status, String code) throws Exception {
        String sid = (String) new PanelFixture(db).value("select provider_message_id from outbox where recipient = ? and status = 'sent' "
                + "order by id desc limit 1", p.from);
        Map<String, String> form = code == null ? Map.of("MessageSid", sid, "MessageStatus", status, "To", p.from)
                : Map.of("MessageSid", sid, "MessageStatus", status, "ErrorCode", code, "To", p.from);
        assertEquals(200, Webhooks.status(code == null ? "status" : "status_error", form).statusCode());
    }
}
