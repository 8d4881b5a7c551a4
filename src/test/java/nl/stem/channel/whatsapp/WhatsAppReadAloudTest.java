package nl.stem.channel.whatsapp;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.StemStartup;
import nl.stem.panel.PanelFixture;

/**
 * A Pashto-speaking panel member invited to a survey read aloud answers on WhatsApp: before each
 * question's text Twilio is given a media message whose URL is Stem's signed prompt link, and that
 * link answers with the recording only as signed.
 */
@QuarkusTest
class WhatsAppReadAloudTest {
    @Inject
    DataSource db;
    @Inject
    StemStartup startup;

    @Test
    void invitedInPashto_theVoiceNoteGoesBeforeTheQuestionFromASignedLinkThatOnlyServesPrompts() throws Exception {
        Path root = Path.of("src/test/resources/prompt-survey");
        assertEquals(0, startup.publishDirectory(root.resolve("surveys"), root.resolve("translations")));
        Phone p = Phone.fresh();
        PanelFixture panel = new PanelFixture(db);
        UUID member = panel.member("reader", "whatsapp", p.from, "ps", null, null);
        long version = ((Number) panel.value("select max(id) from survey_versions where survey_id = 'lees_voor'")).longValue();
        long wave = ((Number) panel.value("insert into waves (name, survey_version_id, status, invite_at, created_by, created_at) "
                + "values ('read aloud', ?, 'open', now(), 'test', now()) returning id", version)).longValue();
        panel.update("insert into wave_members (wave_id, respondent_id, channel, language, invited_at) values (?, ?, 'whatsapp', 'ps', now() - interval '1 minute')",
                wave, member);

        p.text("سلام");
        assertEquals("consent", p.session(db)[0]);
        OutboxDrain.awaitDelivered(db, p.from);
        List<Map<String, String>> sent = FakeTwilioControl.messagesTo(p.from);
        assertEquals(2, sent.size(), "the voice note and the consent: " + sent);
        Map<String, String> voice = sent.get(0);
        String url = voice.get("MediaUrl");
        assertNotNull(url, "a media message first: " + sent);
        assertNull(voice.get("Body"), "the voice note has no text of its own");
        assertTrue(url.startsWith("https://stem.example.test/prompts/"), url);
        assertTrue(sent.get(1).get("Body").contains("ښه راغلاست"), "then the consent in Pashto: " + sent.get(1));

        URI link = URI.create(url);
        byte[] served = given().urlEncodingEnabled(false).get(link.getRawPath() + "?" + link.getRawQuery())
                .then().statusCode(200).header("Content-Type", "audio/ogg").extract().asByteArray();
        assertArrayEquals(Files.readAllBytes(root.resolve("surveys/lees_voor-media/consent_ps.ogg")), served);
        given().urlEncodingEnabled(false).get(link.getRawPath() + "?" + link.getRawQuery().replaceAll("s=.*", "s=forged"))
                .then().statusCode(403);
        given().urlEncodingEnabled(false).get(link.getRawPath()).then().statusCode(403);
        assertEquals(1, countPrompts(link.getRawPath()), "the link names a prompt file");
    }

    private long countPrompts(String path) throws Exception {
        String sha = path.substring(path.lastIndexOf('/') + 1).replace(".ogg", "");
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("select count(*) from prompt_audio where sha256 = ?")) {
            ps.setString(1, sha);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
