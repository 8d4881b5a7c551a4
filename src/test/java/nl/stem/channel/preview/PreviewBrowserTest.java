package nl.stem.channel.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** A respondent takes the Arabic "Toegang tot werk" to the end in headless Chromium. */
@QuarkusTest
class PreviewBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/try")
    URL tryPage;
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
                "--window-size=480,900");
        driver = new ChromeDriver(options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void arabicToegangTotWerk_whenTakenInTheBrowser_completesRightToLeftAndStoresAnswers() throws Exception {
        driver.get(tryPage.toString());
        WebElement form = driver.findElement(By.id("survey-toegang_tot_werk"));
        form.findElement(By.cssSelector("input[name=language][value=ar]")).click();
        form.findElement(By.cssSelector("button.start")).click();
        wait.until(d -> d.getCurrentUrl().contains("/try/chat/"));
        String token = driver.getCurrentUrl().replaceAll(".*/try/chat/", "");

        clickButton("a:consent:yes");
        screenshot("arabic-consented");
        int n = 0;
        while (currentQuestion().startsWith("help_")) {
            String q = currentQuestion();
            if (n++ % 2 == 0) {
                clickButton("a:" + q + ":" + (1 + n % 5));
            } else {
                WebElement text = driver.findElement(By.id("text"));
                text.sendKeys("٤"); // Arabic-Indic four
                driver.findElement(By.id("send")).click();
            }
            wait.until(d -> !q.equals(currentQuestion()));
        }
        assertEquals("advice", currentQuestion());
        assertEquals("rtl", driver.findElement(By.tagName("html")).getAttribute("dir"));
        screenshot("arabic-open-question");

        Path voice = Files.createTempFile("voice-note", ".ogg");
        Files.write(voice, "OggS browser voice note".getBytes());
        driver.findElement(By.id("file")).sendKeys(voice.toAbsolutePath().toString());
        wait.until(d -> "completed".equals(d.findElement(By.tagName("body")).getAttribute("data-status")));
        screenshot("arabic-completed");

        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*), count(*) filter (where a.language = 'ar'), count(a.media_id) "
                     + "from answers a join channel_identities ci on ci.respondent_id = a.respondent_id where ci.provider_id = ?")) {
            ps.setString(1, token);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(13, rs.getInt(1), "consent, 11 scale answers and the voice note");
                assertEquals(13, rs.getInt(2), "all in Arabic");
                assertEquals(1, rs.getInt(3), "one media answer");
            }
        }
    }

    private String currentQuestion() {
        List<WebElement> questions = driver.findElements(By.cssSelector(".msg.bot.question[data-question]"));
        return questions.isEmpty() ? "" : questions.get(questions.size() - 1).getAttribute("data-question");
    }

    private void clickButton(String payload) {
        By by = By.cssSelector("button.choice[data-payload='" + payload + "']");
        wait.until(d -> !d.findElements(by).isEmpty());
        List<WebElement> buttons = driver.findElements(by);
        buttons.get(buttons.size() - 1).click();
        wait.until(d -> !payload.startsWith("a:" + currentQuestion() + ":"));
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
        assertTrue(png.length > 1000, "a real screenshot");
    }
}
