package nl.stem.api.survey;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.stem.api.ApiConfig;
import nl.stem.api.JsonBodies;
import nl.stem.api.Problem;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.api.audit.Audit;
import nl.stem.api.auth.Role;
import nl.stem.survey.InvalidSurveyException;
import nl.stem.survey.LoadResult;
import nl.stem.survey.PublishedSurvey;
import nl.stem.survey.SurveyCatalog;
import nl.stem.survey.SurveyProblem;
import nl.stem.survey.SurveyPublisher;
import nl.stem.survey.SurveyRecord;
import nl.stem.survey.SurveySource;
import nl.stem.survey.SurveyVersionRecord;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.SurveyVersion;

/** Researchers validate, publish, list, inspect, compare and retire surveys. */
@Path("/api/surveys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.RESEARCHER_NAME)
@Tag(name = "surveys", description = "Validate, publish and version surveys")
public class SurveyResource {
    private static final Pattern FILE = Pattern.compile("[a-z][a-z0-9_]*\\.yaml");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    /** A validation finding, as structured JSON. */
    public record ProblemItem(String severity, String file, int line, String key, String message) {
        static ProblemItem of(SurveyProblem p) {
            return new ProblemItem(p.severity().name().toLowerCase(java.util.Locale.ROOT), p.file(), p.line(), p.key(), p.message());
        }
    }

    public record Validation(boolean valid, String surveyId, String checksum, List<ProblemItem> problems) {
    }

    public record Published(String id, int version, String checksum, boolean created, List<ProblemItem> warnings) {
    }

    public record SurveySummary(String id, int latestVersion, boolean retired, Instant retiredAt, long versions) {
    }

    public record VersionSummary(int version, String checksum, String publishedBy, Instant publishedAt, long versionId) {
    }

    public record Definition(String id, int version, String checksum, String title, String sourceLanguage,
                             List<String> languages, boolean openToAnyone, String publishedBy, Instant publishedAt,
                             SurveySource sources, List<Map<String, Object>> questions) {
    }

    /** What changed in one question between two versions. */
    public record QuestionChange(String id, List<String> changed, Map<String, Object> from, Map<String, Object> to) {
    }

    public record Diff(String id, int from, int to, List<String> added, List<String> removed, List<QuestionChange> changed,
                       List<String> order) {
    }

    @Inject
    SurveyCatalog catalog;
    @Inject
    SurveyPublisher publisher;
    @Inject
    ApiConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    SecurityIdentity identity;
    @Inject
    Audit audit;
    @Inject
    Clock clock;

    @POST
    @Path("/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Validate a survey and its translations (dry run)",
            description = "200 with valid=true (and any warnings), or 422 listing every problem with file, line and key")
    public Response validate(InputStream body) {
        SurveySource source = source(body);
        LoadResult result = catalog.loader().load(source);
        List<ProblemItem> problems = result.problems().stream().map(ProblemItem::of).toList();
        if (!result.valid()) {
            throw invalid(result.problems());
        }
        return Response.ok(new Validation(true, result.surveyId(), result.checksum(), problems)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a survey version",
            description = "201 with the new version, 200 when the same files were already published, 422 when invalid")
    public Response publish(InputStream body) {
        SurveySource source = source(body);
        SurveyPublisher.Publication p;
        try {
            p = publisher.publish(source, identity.getPrincipal().getName());
        } catch (InvalidSurveyException e) {
            throw invalid(e.problems());
        }
        SurveyVersion v = p.survey().version();
        List<ProblemItem> warnings = catalog.loader().load(source).problems().stream().map(ProblemItem::of).toList();
        return Response.status(p.created() ? 201 : 200)
                .entity(new Published(v.surveyId(), v.version(), v.checksum(), p.created(), warnings)).build();
    }

    @GET
    @Transactional
    @Operation(summary = "List surveys with their latest version and retirement")
    public List<SurveySummary> list() {
        List<SurveySummary> out = new ArrayList<>();
        for (SurveyRecord s : SurveyRecord.<SurveyRecord>list("order by id")) {
            long count = SurveyVersionRecord.count("surveyId", s.id);
            if (count == 0) {
                continue;
            }
            int latest = SurveyVersionRecord.<SurveyVersionRecord>find("surveyId = ?1 order by version desc", s.id).firstResult().version;
            out.add(new SurveySummary(s.id, latest, s.retiredAt != null, s.retiredAt, count));
        }
        return out;
    }

    @GET
    @Path("/{id}/versions")
    @Transactional
    @Operation(summary = "List a survey's published versions")
    public List<VersionSummary> versions(@PathParam("id") String id) {
        requireSurvey(id);
        return SurveyVersionRecord.<SurveyVersionRecord>list("surveyId = ?1 order by version", id).stream()
                .map(v -> new VersionSummary(v.version, v.checksum, v.publishedBy, v.publishedAt, v.id)).toList();
    }

    @GET
    @Path("/{id}/versions/{version}")
    @Transactional
    @Operation(summary = "A version's definition: its stored source files and its questions as JSON")
    public Definition version(@PathParam("id") String id, @PathParam("version") int version) {
        SurveyVersionRecord row = requireVersion(id, version);
        PublishedSurvey p = catalog.byVersionId(row.id).orElseThrow();
        SurveyVersion v = p.version();
        SurveySource sources;
        try {
            sources = json.readValue(row.sources, SurveySource.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored sources of survey version " + row.id + " are unreadable", e);
        }
        List<Map<String, Object>> questions = v.survey().questions().stream().map(q -> QuestionViews.full(v, q)).toList();
        return new Definition(id, v.version(), v.checksum(), v.survey().title(), v.survey().sourceLanguage(),
                v.survey().languages(), v.survey().openToAnyone(), row.publishedBy, row.publishedAt, sources, questions);
    }

    @POST
    @Path("/{id}/retire")
    @Transactional
    @Operation(summary = "Retire a survey: no new sessions start on it",
            description = "Sessions already under way finish; answers keep their version")
    public SurveySummary retire(@PathParam("id") String id) {
        SurveyRecord s = requireSurvey(id);
        if (s.retiredAt == null) {
            s.retiredAt = clock.instant();
            audit.record(identity.getPrincipal().getName(), "survey.retire", id, Map.of());
        }
        catalog.markRetired(id, true);
        long count = SurveyVersionRecord.count("surveyId", id);
        int latest = SurveyVersionRecord.<SurveyVersionRecord>find("surveyId = ?1 order by version desc", id).firstResult().version;
        return new SurveySummary(id, latest, true, s.retiredAt, count);
    }

    @GET
    @Path("/{id}/diff")
    @Transactional
    @Operation(summary = "Which questions were added, removed or changed between two versions",
            description = "Compares each question's definition and its texts in every language")
    public Diff diff(@PathParam("id") String id, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        if (from == null || to == null) {
            throw new StemException(ErrorCode.FROM_TO_REQUIRED, "Give the two versions to compare as ?from=1&to=2");
        }
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

    private SurveyRecord requireSurvey(String id) {
        SurveyRecord s = SurveyRecord.findById(id);
        if (s == null || SurveyVersionRecord.count("surveyId", id) == 0) {
            throw new StemException(ErrorCode.SURVEY_NOT_FOUND, "No published survey with id '" + id + "'");
        }
        return s;
    }

    private SurveyVersionRecord requireVersion(String id, int version) {
        requireSurvey(id);
        SurveyVersionRecord row = SurveyVersionRecord.find("surveyId = ?1 and version = ?2", id, version).firstResult();
        if (row == null) {
            throw new StemException(ErrorCode.VERSION_NOT_FOUND, "Survey '" + id + "' has no version " + version);
        }
        return row;
    }

    private SurveySource source(InputStream body) {
        SurveyUpload upload = JsonBodies.read(body, config.maxUploadBytes(), json, SurveyUpload.class);
        if (upload.survey() == null || upload.survey().file() == null || upload.survey().content() == null) {
            throw new StemException(ErrorCode.SURVEY_REQUIRED,
                    "Send {\"survey\": {\"file\": \"<id>.yaml\", \"content\": \"<yaml>\"}, \"translations\": {\"<lang>\": \"<po>\"}}");
        }
        String file = upload.survey().file();
        if (!FILE.matcher(file).matches()) {
            throw new StemException(ErrorCode.BAD_FILE_NAME, "survey.file must be '<id>.yaml' with id [a-z][a-z0-9_]*, not '" + file + "'");
        }
        String id = file.substring(0, file.length() - ".yaml".length());
        Map<String, SurveySource.TranslationFile> translations = new LinkedHashMap<>();
        if (upload.translations() != null) {
            for (Map.Entry<String, String> t : upload.translations().entrySet()) {
                if (!LANGUAGE.matcher(t.getKey()).matches() || t.getValue() == null) {
                    throw new StemException(ErrorCode.BAD_TRANSLATION,
                            "translations must map language tags (e.g. \"ar\", \"pt-BR\") to PO file contents; '" + t.getKey() + "' is not one");
                }
                translations.put(t.getKey(), new SurveySource.TranslationFile("translations/" + id + "/" + t.getKey() + ".po", t.getValue()));
            }
        }
        return new SurveySource("surveys/" + file, upload.survey().content(), translations);
    }

    private static StemException invalid(List<SurveyProblem> problems) {
        return new InvalidUploadException(problems.stream().map(ProblemItem::of).toList());
    }

    /** 422 with every problem as structured details. */
    public static class InvalidUploadException extends StemException {
        private final transient List<ProblemItem> problems;

        InvalidUploadException(List<ProblemItem> problems) {
            super(ErrorCode.SURVEY_INVALID, "The survey is invalid: " + problems.stream().filter(p -> p.severity().equals("error")).count()
                    + " error(s); each problem names its file, line and key");
            this.problems = problems;
        }

        public Problem problem() {
            return new Problem(status(), code(), getMessage(), problems);
        }
    }
}
