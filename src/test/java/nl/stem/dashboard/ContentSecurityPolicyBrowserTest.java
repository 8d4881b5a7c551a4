package nl.stem.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.api.ApiTokensForTests;

/**
 * The pages under the Content-Security-Policy in headless Chromium: the dashboard's ECharts charts
 * (webjar, SVG renderer), the login form and the preview chat load and work with no violation the
 * browser reports, so nothing the pages need was left inline.
 */
@QuarkusTest
class ContentSecurityPolicyBrowserTest {
    /** Collects every violation the browser reports, from the very start of each document. */
    private static final String RECORD_VIOLATIONS = "window.__csp = []; document.addEventListener('securitypolicyviolation',"
            + " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));";

    @TestHTTPResource("/")
    URL root;
    @Inject
    DataSource db;

    private ChromeDriver driver;
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
                "--window-size=1366,900");
        driver = new ChromeDriver(options);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_VIOLATIONS));
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void dashboardAndPreview_underThePolicy_drawTheirChartsAndChatWithNoViolation() {
        WaveFixture w = WaveStatsTest.everyCategory(db);
        driver.get(root + "dashboard/login?next=" + java.net.URLEncoder.encode("/dashboard/waves/" + w.waveId, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of(), violations(), "login page");
        driver.findElement(By.id("token")).sendKeys(ApiTokensForTests.token("coordinator"));
        driver.findElement(By.id("login-submit")).click();
        wait.until(d -> d.getCurrentUrl().contains("/dashboard/waves/" + w.waveId));
        wait.until(d -> !d.findElements(By.cssSelector("#funnel-chart svg")).isEmpty());
        // Hover a chart so ECharts builds its tooltip too.
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(driver.findElement(By.cssSelector("#funnel-chart svg"))).perform();
        assertEquals(List.of(), violations(), "wave page with its charts");

        driver.get(root + "try");
        driver.findElement(By.cssSelector("form.survey button, form.survey input[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().contains("/try/chat/"));
        wait.until(d -> !d.findElements(By.cssSelector("button")).isEmpty());
        assertFalse(driver.findElements(By.cssSelector("button")).isEmpty(), "the chat shows its buttons");
        assertEquals(List.of(), violations(), "preview chat");

        // The listener works and the policy holds: an injected inline script is refused, and reported.
        ((JavascriptExecutor) driver).executeScript(
                "var s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.appendChild(s);");
        wait.until(d -> !violations().isEmpty());
        assertEquals(null, ((JavascriptExecutor) driver).executeScript("return window.__ran === undefined ? null : window.__ran;"));
    }

    @SuppressWarnings("unchecked")
    private List<Object> violations() {
        return (List<Object>) ((JavascriptExecutor) driver).executeScript("return window.__csp || ['listener missing'];");
    }
}
