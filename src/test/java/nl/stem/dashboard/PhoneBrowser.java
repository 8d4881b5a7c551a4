package nl.stem.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium at a phone's size (390×844) for the dashboard's flow tests: the driver, a wait,
 * screenshots into target/screenshots/, and the phone checks every page of a flow must pass (nothing
 * scrolls sideways but the tables' own boxes; no button or navigation link under 44 px).
 * Skips the test where Chromium is not installed ({@code bin/ensure-chromium} installs it).
 */
public final class PhoneBrowser implements AutoCloseable {
    private static final Path SHOTS = Path.of("target", "screenshots");

    public final WebDriver driver;
    public final WebDriverWait wait;

    private PhoneBrowser(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    public static PhoneBrowser start(String language) {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "Chromium is not installed (bin/ensure-chromium installs it): browser test skipped");
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=390,844", "--lang=" + language);
        return new PhoneBrowser(new ChromeDriver(options));
    }

    public Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** Runs an async script: its last argument is the callback that gives the result. */
    Object jsAsync(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    public void phoneChecks() {
        assertEquals(Boolean.TRUE, js("return document.documentElement.scrollWidth <= window.innerWidth"),
                "the page does not scroll sideways at " + js("return window.innerWidth") + " px");
        Object small = js("return [...document.querySelectorAll('main button, .sections a')]"
                + ".filter(e => e.getBoundingClientRect().height > 0 && e.getBoundingClientRect().height < 44)"
                + ".map(e => e.id || e.textContent.trim())");
        assertEquals("[]", String.valueOf(small), "touch targets under 44 px");
    }

    public void screenshot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
        assertTrue(png.length > 1000, "a real screenshot");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
