package nl.stem.channel.telegram;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}, started by Quarkus in its own
 * process) against the fake Bot API on loopback: issue 3's "done when", on the artifact that ships.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedService.class)
class PackagedTelegramIT {

    @Test
    void toegangTotWerk_inArabicByButtonsDigitsAndVoice_onThePackagedJar() throws Exception {
        TelegramDb db = PackagedService.db();
        ArabicSurveyWalk.run(db, FakeBotApi.get(), PackagedService.MEDIA_DIR);
        assertEquals(1, db.count("select count(*) from answers where question_id = 'advice' and language = 'ar'"),
                "the walk ran on the database this test gave the jar");
    }

    @Test
    void forgedAndRepeatedUpdates_leaveNoTrace() throws Exception {
        TelegramDb db = PackagedService.db();
        TelegramUser u = TelegramUser.create("ar");
        given().contentType("application/json").header(TelegramWebhook.SECRET_HEADER, TelegramUser.SECRET + "x")
                .body(u.update("start").toString()).post("/webhooks/telegram")
                .then().statusCode(403);
        assertFalse(db.identityExists(u), "a forged update creates no respondent");
        assertFalse(db.inboundExists(u.lastUpdateId), "and records no update");

        RepeatedDelivery.check(db, FakeBotApi.get(), "ar", "٣");
    }
}
