package nl.stem.conversation;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import nl.stem.db.Ids;
import nl.stem.engine.SessionEvent;
import nl.stem.media.MediaObject;
import nl.stem.media.MediaQueued;
import nl.stem.survey.PublishedSurvey;
import nl.stem.survey.model.AnswerValue;
import nl.stem.survey.model.MediaRef;
import nl.stem.survey.model.Question;

/**
 * Stores answers with the IoI tags, language, channel and survey version they were given under.
 * A media answer gets a media object: {@code stored} when the channel already stored the file,
 * otherwise {@code pending} for the media worker.
 */
@ApplicationScoped
public class AnswerWriter {
    @Inject
    Sql sql;
    @Inject
    ObjectMapper json;
    @Inject
    RespondentData respondentData;
    @Inject
    Event<MediaQueued> mediaQueued;

    void write(SessionRecord session, PublishedSurvey survey, SessionEvent.AnswerGiven given, Inbound in, Instant now) {
        Question question = survey.version().survey().question(given.questionId()).orElseThrow(() ->
                new IllegalStateException("Engine answered unknown question " + given.questionId()));
        UUID mediaId = given.value().kind() == AnswerValue.Kind.MEDIA ? media(session, given.value().media(), in, now) : null;
        String value = toJson(given.value());
        String[] tags = question.head().ioi().toArray(String[]::new);
        if (mediaId != null) {
            // The media row this answer points at is still pending in Hibernate.
            Panache.getEntityManager().flush();
        }
        // One statement instead of a lookup and an entity insert (the webhook's hot path):
        // a second answer to the same question replaces the first.
        sql.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                ps.setObject(1, session.id);
                ps.setObject(2, session.respondentId);
                ps.setLong(3, session.surveyVersionId);
                ps.setString(4, given.questionId());
                ps.setString(5, question.type());
                ps.setString(6, value);
                ps.setString(7, given.raw());
                ps.setString(8, given.language());
                ps.setString(9, in.channel());
                ps.setArray(10, c.createArrayOf("text", tags));
                ps.setObject(11, mediaId);
                ps.setBoolean(12, session.preview);
                ps.setObject(13, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.setObject(14, session.waveId);
                return ps.executeUpdate();
            }
        });
    }

    private static final String UPSERT = """
            insert into answers (session_id, respondent_id, survey_version_id, question_id, question_type, value, raw_text,
                                 language, channel, ioi_tags, media_id, preview, answered_at, wave_id)
            values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (session_id, question_id) do update
            set respondent_id = excluded.respondent_id, survey_version_id = excluded.survey_version_id,
                question_type = excluded.question_type, value = excluded.value, raw_text = excluded.raw_text,
                language = excluded.language, channel = excluded.channel, ioi_tags = excluded.ioi_tags,
                media_id = excluded.media_id, preview = excluded.preview, answered_at = excluded.answered_at,
                wave_id = excluded.wave_id
            """;

    private UUID media(SessionRecord session, MediaRef ref, Inbound in, Instant now) {
        MediaObject m = new MediaObject();
        m.id = Ids.uuid();
        m.respondentId = session.respondentId;
        m.channel = in.channel();
        m.kind = ref.kind().name().toLowerCase(java.util.Locale.ROOT);
        m.mimeType = ref.mimeType();
        m.sizeBytes = ref.sizeBytes();
        m.durationSeconds = ref.durationSeconds();
        m.providerRef = ref.providerRef();
        m.createdAt = now;
        if (in.storedMedia() != null) {
            m.sha256 = in.storedMedia().sha256();
            m.sizeBytes = in.storedMedia().sizeBytes();
            m.mimeType = in.storedMedia().mimeType();
            m.status = MediaObject.STORED;
            m.storedAt = now;
        } else {
            m.status = MediaObject.PENDING;
        }
        m.persist();
        if (MediaObject.PENDING.equals(m.status)) {
            mediaQueued.fire(new MediaQueued(m.id)); // observed after commit: the worker fetches it at once
        }
        return m.id;
    }

    /** Consent refused: nothing of this session is kept, media included. */
    void deleteSession(UUID sessionId) {
        List<UUID> mediaIds = AnswerRecord.<AnswerRecord>list("sessionId = ?1 and mediaId is not null", sessionId)
                .stream().map(a -> a.mediaId).toList();
        AnswerRecord.delete("sessionId", sessionId);
        if (!mediaIds.isEmpty()) {
            respondentData.deleteMedia(MediaObject.list("id in ?1", mediaIds));
        }
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
