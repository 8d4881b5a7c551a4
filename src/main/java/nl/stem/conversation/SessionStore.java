package nl.stem.conversation;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.db.Ids;
import nl.stem.engine.SessionState;

/** Creates sessions and maps the engine's state to and from its JSON column. */
@ApplicationScoped
public class SessionStore {
    @Inject
    ObjectMapper json;

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
        s.persist();
        return s;
    }

    SessionState state(SessionRecord s) {
        try {
            return json.readValue(s.state, SessionState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Session " + s.id + " has unreadable state", e);
        }
    }

    void save(SessionRecord s, SessionState state, Instant now) {
        try {
            s.state = json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        s.status = state.status().name().toLowerCase(java.util.Locale.ROOT);
        s.language = state.language();
        s.currentQuestion = state.currentQuestion();
        s.updatedAt = now;
    }
}
