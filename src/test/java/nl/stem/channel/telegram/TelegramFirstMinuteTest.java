package nl.stem.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.channel.FirstMinute;

/**
 * A stranger's first minute on Telegram, in every shipped language, through the real webhook and
 * outbox to the fake Bot API: they write hello in their script (their app set to their language),
 * get the language menu in it with their language first, tap it, see consent with both options,
 * and refuse by typing "no" loosely. Each run is compared with its golden transcript.
 */
@QuarkusTest
class TelegramFirstMinuteTest {
    @Inject
    DataSource dataSource;
    TelegramDb db;
    FakeBotApi fake;

    @BeforeEach
    void setUp() {
        db = new TelegramDb(dataSource);
        fake = FakeBotApi.get();
    }

    @Test
    void firstMinute_inEveryShippedLanguage_matchesItsGoldenTranscript() throws Exception {
        for (String lang : FirstMinute.SHIPPED) {
            TelegramUser u = TelegramUser.create(lang);
            FirstMinute t = new FirstMinute("telegram", lang);
            List<FakeBotApi.Call> seen = new ArrayList<>();

            step(t, u, "text " + FirstMinute.FIRST_WORDS.get(lang), () -> u.text(FirstMinute.FIRST_WORDS.get(lang)).statusCode(200), seen);
            FakeBotApi.Call menu = seen.get(seen.size() - 1);
            assertEquals("lang:" + lang, menu.callbackData().get(0), lang + ": the app's language is first in the menu");

            step(t, u, "tap lang:" + lang, () -> u.tap("lang:" + lang).statusCode(200), seen);
            FakeBotApi.Call consent = seen.get(seen.size() - 1);
            assertEquals(List.of("a:consent:yes", "a:consent:no"), consent.callbackData(), lang + ": both options are buttons");

            step(t, u, "text " + FirstMinute.LOOSE_NO.get(lang), () -> u.text(FirstMinute.LOOSE_NO.get(lang)).statusCode(200), seen);
            assertEquals("refused", db.sessionStatus(u), lang + ": '" + FirstMinute.LOOSE_NO.get(lang) + "' is a refusal");
            t.check("telegram", lang);
        }
    }

    /** The second failure: a tap in the survey menu kept the app's language only for /start. */
    @Test
    void surveyMenuTap_fromAnArabicApp_opensTheSurveyInArabic() throws Exception {
        TelegramUser u = TelegramUser.create("ar");
        u.tap("start:veiligheid_en_stabiliteit").statusCode(200);
        List<FakeBotApi.Call> got = fake.awaitMessagesTo(u.chat(), 1, Duration.ofSeconds(20));
        FakeBotApi.Call menu = got.get(got.size() - 1);
        assertEquals("lang:ar", menu.callbackData().get(0));
        assertTrue(menu.text().startsWith("اختر لغتك"), menu.text());
        assertEquals("choosing_language", db.sessionStatus(u));
        u.tap("lang:ar").statusCode(200);
        assertEquals("consent", db.currentQuestion(u));
    }

    private void step(FirstMinute t, TelegramUser u, String what, Runnable input, List<FakeBotApi.Call> seen) throws Exception {
        t.input(what);
        input.run();
        int expected = (int) db.outbox(u);
        List<FakeBotApi.Call> got = fake.awaitMessagesTo(u.chat(), expected, Duration.ofSeconds(20));
        for (FakeBotApi.Call c : got.subList(seen.size(), got.size())) {
            List<String[]> buttons = new ArrayList<>();
            JsonNode kb = c.json().path("reply_markup").path("inline_keyboard");
            kb.forEach(row -> row.forEach(b -> buttons.add(new String[] {b.path("callback_data").asText(), b.path("text").asText()})));
            t.received(c.text(), buttons);
        }
        seen.clear();
        seen.addAll(got);
    }
}
