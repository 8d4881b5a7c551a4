package nl.stem.results;

import static nl.stem.api.ApiTokensForTests.as;
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
 * A researcher signs in with the form in headless Chromium and reads a wave's results in Dutch and
 * English, at desktop (1366×900) and phone (390×844) sizes, with the charts drawn; then the
 * public page is read in Arabic and Dutch. Screenshots go to target/screenshots/results-*.png.
 */
@QuarkusTest
class ResultsBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/")
    URL root;
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
    void researcher_readsResults_andThePublicPageReadsInArabicAndDutch() throws Exception {
        ResultsWave w = ResultsWave.shared(db);
        String results = "/dashboard/results/" + w.survey + "?wave=" + w.wave + "&by=region";
        driver.get(url("/dashboard/login?lang=nl&next=" + java.net.URLEncoder.encode(results, "UTF-8")));
        driver.findElement(By.id("token")).sendKeys(ApiTokensForTests.token("researcher"));
        driver.findElement(By.id("login-submit")).click();
        wait.until(d -> d.getCurrentUrl().contains("/dashboard/results/" + w.survey));
        awaitCharts();
        assertTrue(driver.findElement(By.id("suppression-rule")).getText().contains("minder dan 5"));
        assertEquals("<5", driver.findElement(By.cssSelector("#q-werk table.groups tr[data-key='Limburg'] [data-field='n']")).getText());
        assertFalse(driver.findElements(By.cssSelector("#chart-werk canvas")).isEmpty(), "the chart is drawn");
        screenshot("results-desktop-nl");
        wholePage("results-desktop-nl-full", 1366);

        driver.get(url(results + "&lang=en"));
        awaitCharts();
        assertTrue(driver.findElement(By.id("suppression-rule")).getText().contains("fewer than 5"));
        screenshot("results-desktop-en");

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url(results + "&lang=en"));
        awaitCharts();
        assertEquals(Boolean.TRUE, js("return document.documentElement.scrollWidth <= window.innerWidth"),
                "nothing but the tables' own boxes scrolls sideways on a phone");
        js("document.getElementById('q-werk').scrollIntoView()");
        screenshot("results-phone-en");
        driver.get(url(results + "&lang=nl"));
        awaitCharts();
        js("document.getElementById('q-hulp').scrollIntoView()");
        screenshot("results-phone-nl");

        driver.get(url("/dashboard/results/" + w.survey + "/answers/advies?wave=" + w.wave + "&lang=nl"));
        assertFalse(driver.findElements(By.cssSelector("#answers li")).isEmpty());
        assertEquals(Boolean.FALSE, js("return document.documentElement.scrollWidth > window.innerWidth"));
        screenshot("results-answers-phone-nl");

        String token = as("coordinator").post("/api/waves/" + w.wave + "/publication").then().extract().jsonPath().getString("token");
        driver.get(url("/results/" + token + "?lang=ar"));
        assertEquals("rtl", driver.findElement(By.tagName("html")).getAttribute("dir"));
        assertEquals("هل لديك عمل؟", driver.findElement(By.id("q-werk-text")).getText());
        assertEquals(Boolean.TRUE, js("return document.documentElement.scrollWidth <= window.innerWidth"));
        screenshot("results-public-phone-ar");
        driver.get(url("/results/" + token + "?lang=nl"));
        assertEquals("Heb je werk?", driver.findElement(By.id("q-werk-text")).getText());
        screenshot("results-public-phone-nl");
        driver.manage().window().setSize(new Dimension(1366, 900));
        driver.get(url("/results/" + token + "?lang=ar"));
        screenshot("results-public-desktop-ar");
        as("coordinator").delete("/api/waves/" + w.wave + "/publication").then().statusCode(204);
    }

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    private void awaitCharts() {
        wait.until(d -> {
            String n = d.findElement(By.id("results")).getAttribute("data-charts");
            return n != null && Integer.parseInt(n) > 0;
        });
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private void wholePage(String name, int width) throws Exception {
        Dimension before = driver.manage().window().getSize();
        long height = (Long) js("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(width, (int) Math.min(height + 150, 9000)));
        Thread.sleep(300);
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
