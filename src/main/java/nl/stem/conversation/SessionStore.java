package nl.stem.conversation;

import static nl.stem.worker.Jdbc.instant;
import static nl.stem.worker.Jdbc.update;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.db.Ids;
import nl.stem.engine.SessionState;

/**
 * Sessions as the conversation service reads and writes them: plain JDBC on the transaction's
 * connection (every inbound message loads and saves one), the engine's state as a JSON column. The
 * records it returns are not managed by Hibernate: {@link #save} writes them.
 */
@ApplicationScoped
public class SessionStore {
    private static final String COLUMNS = """
            id, respondent_id, survey_version_id, channel, status, language, current_question, state::text as state,
            preview, started_at, updated_at, completed_at, wave_id, answered, applicable""";

    @Inject
    Sql sql;
    @Inject
    ObjectMapper json;

    /** The respondent's most recent session, finished or not, or null. Joins the caller's transaction. */
    public SessionRecord latest(UUID respondentId) {
        return sql.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select " + COLUMNS + " from sessions where respondent_id = ? order by started_at desc limit 1")) {
                ps.setObject(1, respondentId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? session(rs) : null;
                }
            }
        });
    }

    SessionRecord create(UUID respondentId, long surveyVersionId, String channel, boolean preview, Instant now) {
        SessionRecord s = new SessionRecord();
        s.id = Ids.uuid();
        s.respondentId = respondentId;
        s.surveyVersionId = surveyVersionId;
        s.channel = channel;
        s.preview = preview;
        s.status = "new";
        s.state = "{}";
        s.startedAt = now;
        s.updatedAt = now;
        sql.run(c -> update(c, """
                insert into sessions (id, respondent_id, survey_version_id, channel, status, state, preview, started_at, updated_at)
                values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""",
                s.id, s.respondentId, s.surveyVersionId, s.channel, s.status, s.state, s.preview, s.startedAt, s.updatedAt));
        return s;
    }

    SessionState state(SessionRecord s) {
        try {
            return json.readValue(s.state, SessionState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Session " + s.id + " has unreadable state", e);
        }
    }

    /** Takes the engine's state into the record and writes the record's changeable columns. */
    void save(SessionRecord s, SessionState state, Instant now) {
        try {
            s.state = json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        s.status = state.status().name().toLowerCase(Locale.ROOT);
        s.language = state.language();
        s.currentQuestion = state.currentQuestion();
        s.updatedAt = now;
        sql.run(c -> update(c, """
                update sessions set status = ?, language = ?, current_question = ?, state = ?::jsonb, updated_at = ?,
                                    completed_at = ?, wave_id = ?, answered = ?, applicable = ?
                where id = ?""",
                s.status, s.language, s.currentQuestion, s.state, s.updatedAt, s.completedAt, s.waveId, s.answered,
                s.applicable, s.id));
    }

    private static SessionRecord session(ResultSet rs) throws SQLException {
        SessionRecord s = new SessionRecord();
        s.id = rs.getObject("id", UUID.class);
        s.respondentId = rs.getObject("respondent_id", UUID.class);
        s.surveyVersionId = rs.getLong("survey_version_id");
        s.channel = rs.getString("channel");
        s.status = rs.getString("status");
        s.language = rs.getString("language");
        s.currentQuestion = rs.getString("current_question");
        s.state = rs.getString("state");
        s.preview = rs.getBoolean("preview");
        s.startedAt = instant(rs, "started_at");
        s.updatedAt = instant(rs, "updated_at");
        s.completedAt = instant(rs, "completed_at");
        long wave = rs.getLong("wave_id");
        s.waveId = rs.wasNull() ? null : wave;
        s.answered = rs.getInt("answered");
        s.applicable = rs.getInt("applicable");
        return s;
    }
}
