package nl.stem.api.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.api.survey.SurveyResource.Diff;
import nl.stem.api.survey.SurveyResource.QuestionChange;
import nl.stem.survey.SurveyCatalog;
import nl.stem.survey.SurveyRecord;
import nl.stem.survey.SurveySource;
import nl.stem.survey.SurveyVersionRecord;
import nl.stem.survey.TranslationStatus;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.SurveyVersion;

/**
 * Published surveys and their versions, read the same way for the API and the dashboard: a version's
 * stored files, what changed between two versions, and how far each language is translated.
 */
@ApplicationScoped
public class SurveyVersions {
    @Inject
    SurveyCatalog catalog;
    @Inject
    ObjectMapper json;
    @Inject
    nl.stem.api.audit.Audit audit;
    @Inject
    java.time.Clock clock;

    /** What changed between versions {@code from} and {@code to} of survey {@code id}; 404 for an unknown one. */
    @Transactional
    public Diff diff(String id, int from, int to) {
        SurveyVersion a = catalog.byVersionId(requireVersion(id, from).id).orElseThrow().version();
        SurveyVersion b = catalog.byVersionId(requireVersion(id, to).id).orElseThrow().version();
        Map<String, Question> before = byId(a);
        Map<String, Question> after = byId(b);
        List<String> added = after.keySet().stream().filter(q -> !before.containsKey(q)).toList();
        List<String> removed = before.keySet().stream().filter(q -> !after.containsKey(q)).toList();
        List<QuestionChange> changed = new ArrayList<>();
        for (String q : after.keySet()) {
            if (!before.containsKey(q)) {
                continue;
            }
            Map<String, Object> x = QuestionViews.definition(before.get(q));
            Map<String, Object> y = QuestionViews.definition(after.get(q));
            List<String> fields = new ArrayList<>();
            Set<String> keys = new LinkedHashSet<>(x.keySet());
            keys.addAll(y.keySet());
            for (String k : keys) {
                if (!Objects.equals(normal(x.get(k)), normal(y.get(k)))) {
                    fields.add(k);
                }
            }
            Map<String, Map<String, String>> tx = QuestionViews.texts(a, before.get(q));
            Map<String, Map<String, String>> ty = QuestionViews.texts(b, after.get(q));
            Set<String> languages = new LinkedHashSet<>(tx.keySet());
            languages.addAll(ty.keySet());
            for (String lang : languages) {
                if (!Objects.equals(tx.get(lang), ty.get(lang))) {
                    fields.add("texts." + lang);
                }
            }
            if (!fields.isEmpty()) {
                x.put("texts", tx);
                y.put("texts", ty);
                changed.add(new QuestionChange(q, fields, x, y));
            }
        }
        List<String> order = b.survey().questions().stream().map(Question::id).toList();
        return new Diff(id, from, to, added, removed, changed, order);
    }

    /** Numbers compare by value (1 and 1.0 are the same bound). */
    private static Object normal(Object o) {
        return o instanceof java.math.BigDecimal d ? d.stripTrailingZeros() : o;
    }

    private static Map<String, Question> byId(SurveyVersion v) {
        Map<String, Question> m = new LinkedHashMap<>();
        v.survey().questions().forEach(q -> m.put(q.id(), q));
        return m;
    }


    /** Every survey with at least one version, by id, with its latest version and whether it is retired. */
    @Transactional
    public List<SurveyResource.SurveySummary> list() {
        List<SurveyResource.SurveySummary> out = new ArrayList<>();
        for (SurveyRecord s : SurveyRecord.<SurveyRecord>list("order by id")) {
            long count = SurveyVersionRecord.count("surveyId", s.id);
            if (count == 0) {
                continue;
            }
            int latest = SurveyVersionRecord.<SurveyVersionRecord>find("surveyId = ?1 order by version desc", s.id).firstResult().version;
            out.add(new SurveyResource.SurveySummary(s.id, latest, s.retiredAt != null, s.retiredAt, count));
        }
        return out;
    }

    /** The versions of survey {@code id}, oldest first; 404 for an unknown one. */
    @Transactional
    public List<SurveyResource.VersionSummary> versions(String id) {
        requireSurvey(id);
        return SurveyVersionRecord.<SurveyVersionRecord>list("surveyId = ?1 order by version", id).stream()
                .map(v -> new SurveyResource.VersionSummary(v.version, v.checksum, v.publishedBy, v.publishedAt, v.id)).toList();
    }

    /** Retires survey {@code id}: no new sessions start on it (audited once; again is harmless). */
    @Transactional
    public SurveyResource.SurveySummary retire(String id, String actor) {
        SurveyRecord s = requireSurvey(id);
        if (s.retiredAt == null) {
            s.retiredAt = clock.instant();
            audit.record(actor, "survey.retire", id, Map.of());
        }
        catalog.markRetired(id, true);
        long count = SurveyVersionRecord.count("surveyId", id);
        int latest = SurveyVersionRecord.<SurveyVersionRecord>find("surveyId = ?1 order by version desc", id).firstResult().version;
        return new SurveyResource.SurveySummary(id, latest, true, s.retiredAt, count);
    }

    /** The files version {@code version} of survey {@code id} was published from. */
    @Transactional
    public SurveySource sources(String id, int version) {
        SurveyVersionRecord row = requireVersion(id, version);
        try {
            return json.readValue(row.sources, SurveySource.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored sources of survey version " + row.id + " are unreadable", e);
        }
    }

    /** The newest version number of survey {@code id}; 404 when it has none. */
    @Transactional
    public int latest(String id) {
        requireSurvey(id);
        return SurveyVersionRecord.<SurveyVersionRecord>find("surveyId = ?1 order by version desc", id).firstResult().version;
    }

    /** How far each language of a version is translated. */
    public TranslationStatus.Report translations(String id, int version) {
        return TranslationStatus.of(sources(id, version), catalog.loader().taxonomy())
                .orElseThrow(() -> new IllegalStateException("Published survey " + id + " v" + version + " cannot be read"));
    }

    /** A language's PO template for a version; 404 for a language the survey does not list. */
    public String template(String id, int version, String language) {
        TranslationStatus status = translations(id, version).of(language).orElseThrow(() -> new StemException(ErrorCode.LANGUAGE_NOT_FOUND, "Survey '" + id + "' is not translated into '" + language + "' (not in its languages, or its source language)"));
        return status.template(id);
    }

    SurveyRecord requireSurvey(String id) {
        SurveyRecord s = SurveyRecord.findById(id);
        if (s == null || SurveyVersionRecord.count("surveyId", id) == 0) {
            throw new StemException(ErrorCode.SURVEY_NOT_FOUND, "No published survey with id '" + id + "'");
        }
        return s;
    }

    SurveyVersionRecord requireVersion(String id, int version) {
        requireSurvey(id);
        SurveyVersionRecord row = SurveyVersionRecord.find("surveyId = ?1 and version = ?2", id, version).firstResult();
        if (row == null) {
            throw new StemException(ErrorCode.VERSION_NOT_FOUND, "Survey '" + id + "' has no version " + version);
        }
        return row;
    }

}
