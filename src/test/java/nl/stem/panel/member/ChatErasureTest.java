package nl.stem.panel.member;

import static nl.stem.api.ApiTokensForTests.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import nl.stem.api.PublishedForTests;
import nl.stem.channel.whatsapp.FakeTwilioControl;
import nl.stem.channel.whatsapp.Phone;
import nl.stem.panel.PanelFixture;
import nl.stem.panel.SessionExpiry;

/** "Delete my data", confirmed in the chat by a panel member in a wave, leaves nothing behind. */
@QuarkusTest
class ChatErasureTest {
    @Inject
    DataSource db;
    @Inject
    SessionExpiry expiry;
    @ConfigProperty(name = "stem.media.dir")
    Path mediaDir;

    @AfterEach
    void retire() {
        PublishedForTests.retireAll();
    }

    @Test
    void deleteConfirmedInTheChat_erasesTheMemberEntirely_andTheConfirmationStillArrives() throws Exception {
        PanelFixture panel = new PanelFixture(db);
        String survey = nl.stem.panel.wave.WaveTestSurveys.publish("erase_" + panel.prefix);
        Phone phone = Phone.fresh();
        UUID member = panel.member("erase", "whatsapp", phone.from, "nl", null, "{\"region\":\"Utrecht\"}");
        long wave = as("coordinator").contentType(ContentType.JSON)
                .body(Map.of("name", "Wis", "survey", survey, "members", List.of(panel.id("erase")),
                        "quietHours", Map.of("start", "00:00", "end", "00:00")))
                .post("/api/waves").then().statusCode(201).extract().jsonPath().getLong("wave");
        phone.text("hallo");
        phone.text("1");
        phone.text("5");
        Leftovers.Traces traces = Leftovers.of(db, member);

        phone.text("verwijderen");
        phone.text("ja");
        assertEquals(0L, panel.value("select count(*) from respondents where id = ?", member));
        long deadline = System.currentTimeMillis() + 15_000;
        while (FakeTwilioControl.messagesTo(phone.from).stream().noneMatch(m -> String.valueOf(m.get("Body")).contains("verwijderd"))) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the confirmation never reached the fake: " + FakeTwilioControl.messagesTo(phone.from));
            }
            Thread.sleep(50);
        }
        deadline = System.currentTimeMillis() + 5_000;
        while (panel.value("select count(*) from outbox where recipient = ? and status = 'sent'", phone.from).equals(0L)
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        expiry.purgeErasureConfirmations();
        Leftovers.assertNone(db, mediaDir, traces);
        assertEquals(0L, panel.value("select count(*) from wave_members where wave_id = ?", wave));
        assertEquals(true, (long) panel.value("select count(*) from audit_log where action = 'respondent.erase' "
                + "and details->>'by' = 'respondent' and at > now() - interval '1 minute'") >= 1);
    }
}
