package nl.stem.privacy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import nl.stem.api.ApiTokensForTests;
import nl.stem.api.PublishedForTests;
import nl.stem.channel.telegram.FakeBotApi;
import nl.stem.channel.telegram.TelegramUser;
import nl.stem.channel.whatsapp.FakeTwilioControl;
import nl.stem.channel.whatsapp.Phone;
import nl.stem.panel.PanelFixture;
import nl.stem.panel.wave.WaveTestSurveys;

/**
 * No phone number, chat id, name, token, cookie or message text in a log line at INFO or above, while
 * respondents talk on Telegram and WhatsApp (a provider error included), a wave goes out, coordinators
 * use the API and the dashboard and a record is downloaded. And every page and answer carries the
 * security headers, with {@code Cache-Control: no-store} where it may hold personal data.
 */
@QuarkusTest
class NoLeaksTest {
    @Inject
    DataSource db;

    final List<String> lines = new ArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.INFO.intValue()) {
                StringBuilder line = new StringBuilder(r.getLoggerName() + " " + new java.util.logging.SimpleFormatter().formatMessage(r));
                for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                    line.append(" | ").append(t);
                }
                synchronized (lines) {
                    lines.add(line.toString());
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(capture);
        PublishedForTests.retireAll();
    }

    @Test
    void conversationsWaveApiAndPages_logNoIdentityTokenOrText() throws Exception {
        Logger.getLogger("").addHandler(capture);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        List<String> secrets = new ArrayList<>(List.of("123456:TEST", "test-secret_0123456789", "test-auth-token-not-a-secret",
                ApiTokensForTests.BOOTSTRAP, ApiTokensForTests.token("coordinator"), ApiTokensForTests.token("researcher")));

        // Telegram, with a name of their own and a typed text
        TelegramUser tg = TelegramUser.create("en");
        String name = "Zarifa" + unique;
        String typed = "my secret story " + unique;
        tg.post(named(tg.update("text"), "/start", name)).statusCode(200);
        tg.tap("lang:en").statusCode(200);
        tg.tap("a:consent:yes").statusCode(200);
        tg.post(named(tg.update("text"), typed, name)).statusCode(200);
        tg.post(named(tg.update("text"), "my data", name)).statusCode(200);
        FakeBotApi.get().awaitMessagesTo(tg.chat(), 5, Duration.ofSeconds(20));

        // WhatsApp, and a provider error on a reply
        Phone phone = Phone.fresh();
        FakeTwilioControl.errorNext(400, 21617); // body too long: a plain refusal (21211 now marks the number unreachable)
        phone.text("hallo " + unique);
        phone.text("1");
        phone.text("my data");
        awaitTwilio(phone.from, 2);

        // A wave to a WhatsApp member
        PanelFixture panel = new PanelFixture(db);
        String survey = WaveTestSurveys.publish("leak_" + panel.prefix);
        Phone member = Phone.fresh();
        panel.member("m", "whatsapp", member.from, "nl", null, "{\"region\":\"Utrecht\"}");
        ApiTokensForTests.as("coordinator").contentType(ContentType.JSON)
                .body(Map.of("name", "Lek " + unique, "survey", survey, "members", List.of(panel.id("m")),
                        "quietHours", Map.of("start", "00:00", "end", "00:00")))
                .post("/api/waves").then().statusCode(201);
        awaitTwilio(member.from, 1);
        member.text("ja");

        // The API and the dashboard
        ApiTokensForTests.as("coordinator").get("/api/members?q=" + member.waId).then().statusCode(200);
        ApiTokensForTests.as("coordinator").get("/api/members/" + panel.id("m") + "/record").then().statusCode(200);
        ApiTokensForTests.as("coordinator").get("/api/retention").then().statusCode(200);
        Response login = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("token", ApiTokensForTests.token("coordinator")).post("/dashboard/login");
        String cookie = login.getCookie("stem_dashboard");
        assertNotNull(cookie);
        secrets.add(cookie);
        given().cookie("stem_dashboard", cookie).get("/dashboard").then().statusCode(200);
        Thread.sleep(500); // the outbox sender's last log lines

        List<String> forbidden = new ArrayList<>(secrets);
        forbidden.addAll(List.of(tg.chat(), name, typed, "hallo " + unique, phone.waId, member.waId,
                phone.waId.substring(2), member.waId.substring(2)));
        List<String> leaks = new ArrayList<>();
        synchronized (lines) {
            assertTrue(lines.stream().anyMatch(l -> l.contains("failed: Twilio 400")) && lines.stream().anyMatch(l -> l.contains("launched")),
                    "the capture sees the application's log, the provider error and the wave included: " + lines);
            for (String line : lines) {
                for (String f : forbidden) {
                    if (line.contains(f)) {
                        leaks.add(f + " in: " + line);
                    }
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void everyPageAndAnswer_carriesTheSecurityHeaders_andNoStoreWherePersonal() throws Exception {
        String cookie = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("token", ApiTokensForTests.token("coordinator")).post("/dashboard/login").getCookie("stem_dashboard");
        String researcher = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("token", ApiTokensForTests.token("researcher")).post("/dashboard/login").getCookie("stem_dashboard");
        String[][] pages = {
                {"/try", null, "no-store"}, {"/dashboard/login", null, "no-store"}, {"/dashboard", cookie, "no-store"},
                {"/dashboard/waves/new", cookie, "no-store"}, {"/dashboard/results", researcher, "no-store"},
                {"/dashboard/results/toegang_tot_werk", researcher, "no-store"}, {"/results/" + "x".repeat(43), null, "no-store"},
                {"/no/such/page", null, "no-store"}, {"/try/stem.css", null, null}, {"/dashboard-assets/dashboard.js", null, null}};
        for (String[] p : pages) {
            var spec = given().redirects().follow(false);
            if (p[1] != null) {
                spec = spec.cookie("stem_dashboard", p[1]);
            }
            check(spec.get(p[0]), p[0], p[2]);
        }
        check(ApiTokensForTests.as("coordinator").get("/api/members?limit=1"), "/api/members", "no-store");
        check(ApiTokensForTests.researcher().get("/api/exports/long.csv?survey=toegang_tot_werk"), "/api/exports/long.csv", "no-store");
        check(given().get("/api/members"), "/api/members without a token", "no-store");
    }

    private static void check(Response r, String what, String cacheControl) {
        assertTrue(r.statusCode() < 500, what + " answered " + r.statusCode());
        assertNotNull(r.header("Content-Security-Policy"), what);
        assertEquals("DENY", r.header("X-Frame-Options"), what);
        assertEquals("nosniff", r.header("X-Content-Type-Options"), what);
        assertEquals("no-referrer", r.header("Referrer-Policy"), what);
        if (cacheControl != null) {
            assertEquals(cacheControl, r.header("Cache-Control"), what + " (" + r.contentType() + ")");
        } else {
            assertTrue(r.header("Cache-Control") == null || !r.header("Cache-Control").contains("no-store"), what + " stays cacheable");
        }
    }

    /** The recorded text update with this text and the sender's name (first, last, user name) set to {@code name}. */
    private static ObjectNode named(ObjectNode update, String text, String name) {
        ObjectNode message = (ObjectNode) update.get("message");
        message.put("text", text);
        ((ObjectNode) message.get("from")).put("first_name", name).put("last_name", name).put("username", name);
        if (message.get("chat").has("first_name")) {
            ((ObjectNode) message.get("chat")).put("first_name", name);
        }
        return update;
    }

    private static void awaitTwilio(String to, int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (FakeTwilioControl.messagesTo(to).size() < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
    }
}
