package nl.stem.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.api.ApiTokensForTests;

/**
 * A coordinator logs in through the form in headless Chromium, opens a wave, reads the figures in
 * the tables, sees ECharts draw, watches the page pick up a new member without reloading, and the
 * page is photographed at desktop (1366×900) and phone (390×844) widths into target/screenshots/.
 */
@QuarkusTest
class DashboardBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/dashboard/login")
    URL loginPage;
    @Inject
    DataSource db;

    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "Chromium is not installed (bin/ensure-chromium installs it): browser test skipped");
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1366,900", "--lang=nl");
        driver = new ChromeDriver(options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void coordinator_logsInAndReadsAWave_onDesktopAndPhone() throws Exception {
        WaveFixture w = WaveStatsTest.everyCategory(db);
        w.sql("update respondents r set attributes = jsonb_build_object('region', case when wm.channel = 'whatsapp' then 'Utrecht' else 'Amsterdam' end) "
                + "from wave_members wm where wm.respondent_id = r.id and wm.wave_id = ?", w.waveId);

        driver.get(loginPage + "?lang=nl&next=" + java.net.URLEncoder.encode("/dashboard/waves/" + w.waveId + "?by=region", "UTF-8"));
        driver.findElement(By.id("token")).sendKeys("stem_wrong");
        driver.findElement(By.id("login-submit")).click();
        // The refused login is a new page: wait for it, not for the click.
        assertEquals("Dit token is niet geldig.", wait.until(d -> d.findElements(By.id("login-error")).stream().findFirst()
                .map(e -> e.getText()).orElse(null)));
        screenshot("dashboard-login-error");
        driver.findElement(By.id("token")).sendKeys(ApiTokensForTests.token("coordinator"));
        driver.findElement(By.id("login-submit")).click();
        wait.until(d -> d.getCurrentUrl().contains("/dashboard/waves/" + w.waveId));
        awaitRefreshes(1);

        assertEquals("23", text("funnel", "invited", "count"));
        assertEquals("16", text("funnel", "delivered", "count"));
        assertEquals("10", text("funnel", "started", "count"));
        assertEquals("3", text("funnel", "completed", "count"));
        assertEquals("2", text("cases", "complete", "count"));
        assertEquals("7", text("cases", "unknown", "count"));
        assertEquals("8,7%", text("rates", "rr1", "value"));
        assertEquals("21,7%", text("rates", "rr2", "value"));
        assertEquals("16,7%", text("rates", "coop1", "value"));
        assertEquals("40,0%", text("rates", "breakOff", "value"));
        assertEquals("0:20:00", text("rates", "median", "value"));
        assertEquals("2", text("dropoff", "moves", "members"));
        assertEquals("7", text("domains", "safety", "answers"));
        assertEquals("13", text("by-attribute", "Utrecht", "invited"));
        assertEquals("10", text("by-attribute", "Amsterdam", "invited"));
        for (String chart : new String[] {"funnel-chart", "dropoff-chart", "by-language-chart", "by-channel-chart", "by-attribute-chart", "domains-chart"}) {
            assertFalse(driver.findElements(By.cssSelector("#" + chart + " svg, #" + chart + " canvas")).isEmpty(), chart + " drawn");
        }
        assertTrue(driver.findElement(By.id("funnel-chart")).getText().contains("Uitgenodigd"), "funnel labelled from the table");
        screenshot("dashboard-wave-desktop");
        scrollTo("dropoff-title");
        screenshot("dashboard-wave-desktop-dropoff");
        wholePage("dashboard-wave-desktop-full", 1366);

        // A member joins while the page is open: the figures follow without a reload.
        int refreshes = refreshes();
        w.member().whatsapp("ar").attribute("region", "Utrecht").invite("sent", "read").session("completed", 5, 5, null)
                .took(Duration.ofMinutes(40)).add();
        awaitRefreshes(refreshes + 1);
        wait.until(d -> "24".equals(text("funnel", "invited", "count")));
        assertEquals("3", text("cases", "complete", "count"));
        assertEquals("12,5%", text("rates", "rr1", "value"));
        assertEquals("14", text("by-attribute", "Utrecht", "invited"));

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.navigate().refresh();
        awaitRefreshes(1);
        long innerWidth = (Long) js("return window.innerWidth");
        assertTrue(innerWidth <= 400, "a phone-sized viewport: " + innerWidth);
        assertEquals(Boolean.TRUE, js("return document.documentElement.scrollWidth <= window.innerWidth"),
                "nothing but the tables' own boxes scrolls sideways on a phone");
        long chartWidth = (Long) js("return Math.round(document.querySelector('#funnel-chart svg').getBoundingClientRect().width)");
        assertTrue(chartWidth <= innerWidth, "the chart fits the phone: " + chartWidth);
        js("window.scrollTo(0, 0)");
        screenshot("dashboard-wave-phone");
        scrollTo("dropoff-title");
        screenshot("dashboard-wave-phone-dropoff");
        wholePage("dashboard-wave-phone-full", 390);

        driver.get(loginPage.toString().replace("/dashboard/login", "/dashboard?lang=en"));
        assertTrue(driver.findElement(By.cssSelector("#waves tr[data-key='" + w.waveId + "'] [data-field=rr1]")).getText().equals("12.5%"));
        screenshot("dashboard-waves-phone");
        driver.findElement(By.id("logout")).click();
        wait.until(d -> d.getCurrentUrl().contains("/dashboard/login"));
        driver.get(loginPage.toString().replace("/dashboard/login", "/dashboard"));
        assertTrue(driver.getCurrentUrl().contains("/dashboard/login"), "logged out: " + driver.getCurrentUrl());
    }

    private String text(String table, String key, String field) {
        return driver.findElement(By.cssSelector("#" + table + " tr[data-key='" + key + "'] [data-field='" + field + "']")).getText();
    }

    private int refreshes() {
        String n = driver.findElement(By.id("wave")).getAttribute("data-refreshed");
        return n == null ? 0 : Integer.parseInt(n);
    }

    private void awaitRefreshes(int n) {
        wait.until(d -> refreshes() >= n);
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private void scrollTo(String id) {
        js("document.getElementById('" + id + "').scrollIntoView()");
    }

    /** The whole page in one picture: the window is made as tall as the page, then put back. */
    private void wholePage(String name, int width) throws Exception {
        Dimension before = driver.manage().window().getSize();
        long height = (Long) js("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(width, (int) Math.min(height + 150, 9000)));
        Thread.sleep(300); // the charts redraw for the new size
        screenshot(name);
        driver.manage().window().setSize(before);
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
        assertTrue(png.length > 1000, "a real screenshot");
    }
}
