package nl.stem.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import javax.sql.DataSource;

import nl.stem.conversation.ConsentLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.worker.Jdbc;

/**
 * Owner of {@code consent_records}: for each consent decision, which text the respondent was shown
 * (survey version, language, SHA-256 of the exact text), what they decided, when and on which
 * channel. Written in the conversation's transaction, beside the answer (or the refusal, which keeps
 * no answer). Example: {@code record(respondent, session, 12, "consent", "fa", shownText, GIVEN, "telegram", now)}.
 */
@ApplicationScoped
public class ConsentRecords implements ConsentLog {
    public static final String GIVEN = ConsentLog.GIVEN;
    public static final String REFUSED = ConsentLog.REFUSED;

    @Inject
    DataSource ds;

    /** Records one decision on the caller's transaction (the pool hands out its enlisted connection). */
    @Override
    public void record(UUID respondentId, UUID sessionId, long surveyVersionId, String questionId, String language,
                       String shownText, String decision, String channel, Instant at) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     insert into consent_records (respondent_id, session_id, survey_version_id, question_id, language,
                                                  text_sha256, decision, channel, at)
                     values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setObject(1, respondentId);
            ps.setObject(2, sessionId);
            ps.setLong(3, surveyVersionId);
            ps.setString(4, questionId);
            ps.setString(5, language);
            ps.setString(6, sha256(shownText));
            ps.setString(7, decision);
            ps.setString(8, channel);
            ps.setObject(9, Jdbc.ts(at));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a consent decision (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** The lowercase hex SHA-256 of the text's UTF-8 bytes. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
