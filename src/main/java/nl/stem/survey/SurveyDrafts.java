package nl.stem.survey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Survey uploads not yet published ({@code survey_drafts}, this class alone writes it): the files
 * as uploaded, so that a researcher can validate, fetch templates, add translations and publish in
 * separate requests. A draft is only ever read by its unguessable id. Example:
 * {@code UUID d = drafts.create(source, "researcher-anna", now); drafts.addTranslations(d, Map.of("ar", po), now);}
 */
@ApplicationScoped
public class SurveyDrafts {
    /** A draft: its id, its files and who made it. */
    public record Draft(UUID id, String surveyId, SurveySource source, String createdBy, Instant updatedAt) {
    }

    private final DataSource db;
    private final ObjectMapper json;

    @Inject
    public SurveyDrafts(DataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Stores an upload as a new draft. */
    public UUID create(String surveyId, SurveySource source, String actor, Instant now) {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into survey_drafts (id, survey_id, sources, created_by, created_at, updated_at)"
                     + " values (?, ?, cast(? as jsonb), ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, surveyId);
            ps.setString(3, toJson(source));
            ps.setString(4, actor);
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setTimestamp(6, Timestamp.from(now));
            ps.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store a survey draft", e);
        }
    }

    public Optional<Draft> find(UUID id) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select survey_id, sources::text, created_by, updated_at from survey_drafts where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Draft(id, rs.getString(1), json.readValue(rs.getString(2), SurveySource.class), rs.getString(3),
                        rs.getTimestamp(4).toInstant()));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not read a survey draft", e);
        }
    }

    /** Adds or replaces translation files; the survey file stays. */
    public void addTranslations(Draft draft, Map<String, SurveySource.TranslationFile> files, Instant now) {
        Map<String, SurveySource.TranslationFile> merged = new LinkedHashMap<>(draft.source().translations());
        merged.putAll(files);
        SurveySource updated = new SurveySource(draft.source().surveyFile(), draft.source().yaml(), merged);
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("update survey_drafts set sources = cast(? as jsonb), updated_at = ? where id = ?")) {
            ps.setString(1, toJson(updated));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setObject(3, draft.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update a survey draft", e);
        }
    }

    /** Removes a draft (published or discarded). */
    public void delete(UUID id) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("delete from survey_drafts where id = ?")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete a survey draft", e);
        }
    }

    private String toJson(SurveySource source) {
        try {
            return json.writeValueAsString(source);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
