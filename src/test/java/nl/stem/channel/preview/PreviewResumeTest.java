package nl.stem.channel.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** In the preview, the message that resumes a paused survey answers the waiting question when it fits (issue 16). */
@QuarkusTest
class PreviewResumeTest {
    @Inject
    DataSource db;

    @Test
    void paused_thenFiveTyped_resumesAndAnswersTheScaleQuestion() throws Exception {
        PreviewClient c = PreviewClient.start("toegang_tot_werk", "nl");
        c.tap("a:consent:yes");
        assertEquals("help_vwn", c.currentQuestionId());
        c.type("pauze");
        assertEquals("paused", c.status());
        c.type("5");
        assertEquals("active", c.status());
        assertEquals("help_gem", c.currentQuestionId(), "the next question: 5 was the answer");
        try (Connection conn = db.getConnection(); PreparedStatement ps = conn.prepareStatement(
                "select a.raw_text from answers a join channel_identities ci on ci.respondent_id = a.respondent_id "
                        + "where ci.provider_id = ? and a.question_id = 'help_vwn'")) {
            ps.setString(1, c.token);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals("5", rs.getString(1));
            }
        }
    }
}
