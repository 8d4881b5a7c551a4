package nl.stem.channel.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.StemStartup;
import nl.stem.dashboard.PhoneBrowser;
import nl.stem.engine.UiTexts;

/**
 * The preview at phone size (390×844) in Sorani, Pashto, Dari and Tigrinya, on a survey read
 * aloud: each question comes with an audio player that plays its recording, the newest question
 * and its buttons are in view after every answer, the page is right to left where the language is,
 * the header's status and the errors after "delete my data" are in the language, and every touch
 * target is at least 44 px. Screenshots: target/screenshots/preview-readaloud-<lang>-*.png.
 */
@QuarkusTest
class PreviewReadAloudBrowserTest {
    @TestHTTPResource("/try")
    URL tryPage;
    @Inject
    StemStartup startup;
    @Inject
    UiTexts ui;

    @BeforeEach
    void publish() throws Exception {
        Path root = Path.of("src/test/resources/prompt-survey");
        assertEquals(0, startup.publishDirectory(root.resolve("surveys"), root.resolve("translations")));
    }

    @Test
    void sorani() throws Exception {
        takeReadAloud("ckb", true, "٣");
    }

    @Test
    void pashto() throws Exception {
        takeReadAloud("ps", true, "۳");
    }

    @Test
    void dari() throws Exception {
        takeReadAloud("prs", true, "۳");
    }

    @Test
    void tigrinya() throws Exception {
        takeReadAloud("ti", false, "፫");
    }

    private void takeReadAloud(String lang, boolean rtl, String three) throws Exception {
        try (PhoneBrowser b = PhoneBrowser.start(lang)) {
            b.driver.get(tryPage.toString());
            WebElement form = b.driver.findElement(By.id("survey-lees_voor"));
            form.findElement(By.cssSelector("input[name=language][value=" + lang + "]")).click();
            form.findElement(By.cssSelector("button.start")).click();
            b.wait.until(d -> !d.findElements(By.cssSelector(".msg.bot.question[data-question=consent] button.choice")).isEmpty());

            assertEquals(rtl ? "rtl" : "ltr", b.driver.findElement(By.tagName("html")).getAttribute("dir"));
            assertEquals(lang, b.driver.findElement(By.tagName("html")).getAttribute("lang"));
            assertPlayerBefore("consent", b);
            assertNewestQuestionInView(b, "consent");
            assertEquals(ui.pattern(lang, "status.active"), b.driver.findElement(By.id("status")).getText());
            assertEquals(Boolean.TRUE, b.js("return Math.abs(document.body.getBoundingClientRect().height - window.innerHeight) < 2"),
                    "the page is as high as the visible screen (100dvh)");
            b.phoneChecks();
            b.screenshot("preview-readaloud-" + lang + "-consent");

            tap(b, "a:consent:yes");
            b.wait.until(d -> !d.findElements(By.cssSelector(".msg.bot.question[data-question=werk] button.choice")).isEmpty());
            assertPlayerBefore("werk", b);
            assertNewestQuestionInView(b, "werk");
            b.phoneChecks();
            b.screenshot("preview-readaloud-" + lang + "-scale");

            WebElement text = b.driver.findElement(By.id("text"));
            text.sendKeys(three);
            b.driver.findElement(By.id("send")).click();
            b.wait.until(d -> !d.findElements(By.cssSelector(".msg.bot.question[data-question=advies]")).isEmpty());
            assertNewestQuestionInView(b, "advies");
            b.screenshot("preview-readaloud-" + lang + "-open");

            // "Delete my data" in the language, confirmed; what the page says after is in the language too.
            text.sendKeys(deleteWord(lang));
            b.driver.findElement(By.id("send")).click();
            tap(b, "delete:yes");
            b.wait.until(d -> ui.pattern(lang, "status.deleted").equals(d.findElement(By.id("status")).getText()));
            text.sendKeys("x");
            b.driver.findElement(By.id("send")).click();
            b.wait.until(d -> !d.findElements(By.cssSelector(".msg.me.error")).isEmpty());
            List<WebElement> errors = b.driver.findElements(By.cssSelector(".msg.me.error"));
            assertEquals("⚠ " + ui.pattern(lang, "error.ended"), errors.get(errors.size() - 1).getText());
            b.screenshot("preview-readaloud-" + lang + "-deleted");
        }
    }

    private String deleteWord(String lang) {
        return ui.pattern(lang, "words.delete").split("\\|")[0].startsWith("/")
                ? ui.pattern(lang, "words.delete").split("\\|")[1] : ui.pattern(lang, "words.delete").split("\\|")[0];
    }

    /** The voice note's bubble comes just before the question's, and its player loads the recording from the signed link. */
    private static void assertPlayerBefore(String questionId, PhoneBrowser b) {
        WebElement question = last(b, ".msg.bot.question[data-question=" + questionId + "]");
        WebElement voice = last(b, ".msg.bot.voice[data-question=" + questionId + "]");
        assertEquals(Boolean.TRUE, b.js("return arguments[0].nextElementSibling === arguments[1]".replace("arguments[0]",
                "document.querySelectorAll('.msg.bot.voice[data-question=" + questionId + "]')[document.querySelectorAll('.msg.bot.voice[data-question="
                        + questionId + "]').length - 1]").replace("arguments[1]", "document.querySelectorAll('.msg.bot.question[data-question="
                        + questionId + "]')[document.querySelectorAll('.msg.bot.question[data-question=" + questionId + "]').length - 1]")),
                "the player right before the question");
        String src = voice.findElement(By.tagName("audio")).getAttribute("src");
        assertTrue(src.contains("/prompts/") && src.contains(".ogg?e="), src);
        b.wait.until(d -> Boolean.TRUE.equals(b.js("const a = document.querySelectorAll('.msg.bot.voice audio');"
                + " return a[a.length - 1].readyState >= 1 && a[a.length - 1].duration > 0.5")));
        assertTrue(question.isDisplayed());
    }

    /** The newest question's bubble, buttons included, is inside the chat's visible area. */
    private static void assertNewestQuestionInView(PhoneBrowser b, String questionId) {
        b.wait.until(d -> Boolean.TRUE.equals(b.js("const q = [...document.querySelectorAll('.msg.bot.question')].pop();"
                + " const c = document.getElementById('chat').getBoundingClientRect(); const r = q.getBoundingClientRect();"
                + " return q.dataset.question === '" + questionId + "' && r.top >= c.top - 1 && r.bottom <= c.bottom + 1")));
    }

    private static WebElement last(PhoneBrowser b, String css) {
        List<WebElement> all = b.driver.findElements(By.cssSelector(css));
        assertTrue(!all.isEmpty(), "no " + css);
        return all.get(all.size() - 1);
    }

    private static void tap(PhoneBrowser b, String payload) {
        By by = By.cssSelector("button.choice[data-payload='" + payload + "']");
        b.wait.until(d -> !d.findElements(by).isEmpty());
        List<WebElement> buttons = b.driver.findElements(by);
        buttons.get(buttons.size() - 1).click();
    }
}
