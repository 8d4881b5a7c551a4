package nl.stem.api.survey;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
import nl.stem.survey.TranslationStatus;
import nl.stem.survey.model.SurveyVersion;

/** Researchers validate, publish, list, inspect, compare and retire surveys. */
@Path("/api/surveys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.RESEARCHER_NAME)
@Tag(name = "surveys", description = "Validate, publish and version surveys")
public class SurveyResource {

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
    SurveyVersions versions;
    @Inject
    SurveyPublisher publisher;
    @Inject
    ApiConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    SecurityIdentity identity;

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
        return versions.list();
    }

    @GET
    @Path("/{id}/versions")
    @Transactional
    @Operation(summary = "List a survey's published versions")
    public List<VersionSummary> versions(@PathParam("id") String id) {
        return versions.versions(id);
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

    /** One language's translation state: counts, and each key that is not translated and reviewed. */
    public record LanguageStatus(String language, long keys, long translated, long fuzzy, long stale, long missing,
                                 List<Map<String, String>> open) {
        static LanguageStatus of(TranslationStatus t) {
            List<Map<String, String>> open = t.entries().stream().filter(e -> e.state() != TranslationStatus.State.TRANSLATED)
                    .map(e -> Map.of("key", e.key(), "state", e.state().name().toLowerCase(java.util.Locale.ROOT))).toList();
            return new LanguageStatus(t.language(), t.entries().size(), t.translated(), t.fuzzy(), t.stale(), t.missing(), open);
        }
    }

    @GET
    @Path("/{id}/translations")
    @Operation(summary = "How far each language of a version is translated",
            description = "Per language the keys translated, fuzzy (machine-drafted), stale (source text changed) and missing;"
                    + " version defaults to the latest")
    public List<LanguageStatus> translations(@PathParam("id") String id, @QueryParam("version") Integer version) {
        int v = version == null ? versions.latest(id) : version;
        return versions.translations(id, v).languages().stream().map(LanguageStatus::of).toList();
    }

    @GET
    @Path("/{id}/translations/{language}.po")
    @Produces("text/x-gettext-translation")
    @Operation(summary = "A language's PO template: every key, translations kept, missing ones empty",
            description = "For translators or Weblate; fuzzy and stale entries are marked '#, fuzzy'. version defaults to the latest")
    public Response template(@PathParam("id") String id, @PathParam("language") String language, @QueryParam("version") Integer version) {
        if (!SurveyUploads.isLanguage(language)) {
            throw new StemException(ErrorCode.BAD_LANGUAGE, "'" + language + "' is not a language tag such as ar or pt-BR");
        }
        int v = version == null ? versions.latest(id) : version;
        return Response.ok(versions.template(id, v, language), "text/x-gettext-translation; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + id + "-" + language + ".po\"").build();
    }

    @POST
    @Path("/{id}/retire")
    @Transactional
    @Operation(summary = "Retire a survey: no new sessions start on it",
            description = "Sessions already under way finish; answers keep their version")
    public SurveySummary retire(@PathParam("id") String id) {
        return versions.retire(id, identity.getPrincipal().getName());
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
        return versions.diff(id, from, to);
    }

    private SurveyRecord requireSurvey(String id) {
        return versions.requireSurvey(id);
    }

    private SurveyVersionRecord requireVersion(String id, int version) {
        return versions.requireVersion(id, version);
    }

    private SurveySource source(InputStream body) {
        SurveyUpload upload = JsonBodies.read(body, config.maxUploadBytes(), json, SurveyUpload.class);
        if (upload.survey() == null || upload.survey().file() == null || upload.survey().content() == null) {
            throw new StemException(ErrorCode.SURVEY_REQUIRED,
                    "Send {\"survey\": {\"file\": \"<id>.yaml\", \"content\": \"<yaml>\"}, \"translations\": {\"<lang>\": \"<po>\"}}");
        }
        return SurveyUploads.source(upload.survey().file(), upload.survey().content(),
                upload.translations() == null ? Map.of() : upload.translations());
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
