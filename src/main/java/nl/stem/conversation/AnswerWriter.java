package nl.stem.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.db.Ids;
import nl.stem.engine.SessionEvent;
import nl.stem.media.MediaObject;
import nl.stem.media.MediaQueued;
import jakarta.enterprise.event.Event;
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
    ObjectMapper json;
    @Inject
    RespondentData respondentData;
    @Inject
    Event<MediaQueued> mediaQueued;

    void write(SessionRecord session, PublishedSurvey survey, SessionEvent.AnswerGiven given, Inbound in, Instant now) {
        Question question = survey.version().survey().question(given.questionId()).orElseThrow(() ->
                new IllegalStateException("Engine answered unknown question " + given.questionId()));
        AnswerRecord a = AnswerRecord.find("sessionId = ?1 and questionId = ?2", session.id, given.questionId()).firstResult();
        if (a == null) {
            a = new AnswerRecord();
            a.sessionId = session.id;
            a.questionId = given.questionId();
        }
        a.respondentId = session.respondentId;
        a.surveyVersionId = session.surveyVersionId;
        a.questionType = question.type();
        a.value = toJson(given.value());
        a.rawText = given.raw();
        a.language = given.language();
        a.channel = in.channel();
        a.ioiTags = question.head().ioi().toArray(String[]::new);
        a.preview = session.preview;
        a.waveId = session.waveId;
        a.answeredAt = now;
        a.mediaId = given.value().kind() == AnswerValue.Kind.MEDIA ? media(session, given.value().media(), in, now) : null;
        if (a.id == null) {
            a.persist();
        }
    }

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
