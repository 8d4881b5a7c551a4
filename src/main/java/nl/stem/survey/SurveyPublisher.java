package nl.stem.survey;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import nl.stem.audit.AuditEntry;

/**
 * Publishes validated surveys as immutable versions: unchanged sources keep their version, changed
 * ones get the next number. Used at start-up for {@code surveys/} and later by the researcher API.
 */
@ApplicationScoped
public class SurveyPublisher {

    /**
     * What publishing did. {@code created} is false when the same sources were already published;
     * {@code notes} are the validator's warnings and infos (e.g. unreviewed translations).
     */
    public record Publication(PublishedSurvey survey, boolean created, List<SurveyProblem> notes) {
    }

    @Inject
    SurveyCatalog catalog;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    /** Validates and publishes; throws {@link InvalidSurveyException} listing every problem when invalid. */
    @Transactional
    public Publication publish(SurveySource source, String actor) {
        LoadResult result = catalog.loader().load(source);
        if (!result.valid()) {
            throw new InvalidSurveyException(result.surveyId(), result.problems());
        }
        String surveyId = result.surveyId();
        // Serialise publications of one survey across instances.
        Panache.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "publish:" + surveyId).getSingleResult();
        SurveyRecord survey = SurveyRecord.findById(surveyId);
        if (survey == null) {
            survey = new SurveyRecord();
            survey.id = surveyId;
            survey.createdAt = clock.instant();
            survey.persist();
        }
        SurveyVersionRecord existing = SurveyVersionRecord
                .find("surveyId = ?1 and checksum = ?2", surveyId, result.checksum()).firstResult();
        if (existing != null) {
            return new Publication(catalog.add(existing), false, result.problems());
        }
        List<SurveyVersionRecord> versions = SurveyVersionRecord.list("surveyId = ?1 order by version desc", surveyId);
        SurveyVersionRecord row = new SurveyVersionRecord();
        row.surveyId = surveyId;
        row.version = versions.isEmpty() ? 1 : versions.get(0).version + 1;
        row.checksum = result.checksum();
        try {
            row.sources = json.writeValueAsString(source);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        row.publishedBy = actor;
        row.publishedAt = clock.instant();
        row.persist();
        AuditEntry.record(row.publishedAt, actor, "survey.publish", surveyId,
                "{\"version\":" + row.version + ",\"checksum\":\"" + row.checksum + "\"}");
        return new Publication(catalog.add(row), true, result.problems());
    }
}
