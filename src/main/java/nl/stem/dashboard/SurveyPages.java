package nl.stem.dashboard;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import nl.stem.api.ApiConfig;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.api.auth.Role;
import nl.stem.api.survey.SurveyResource;
import nl.stem.api.survey.SurveyUploads;
import nl.stem.api.survey.SurveyVersions;
import nl.stem.api.survey.xlsform.XlsFormService;
import nl.stem.survey.InvalidSurveyException;
import nl.stem.survey.LoadResult;
import nl.stem.survey.SurveyCatalog;
import nl.stem.survey.SurveyDrafts;
import nl.stem.survey.SurveyPublisher;
import nl.stem.survey.SurveySource;
import nl.stem.survey.TranslationStatus;
import nl.stem.survey.xlsform.XlsFormProblem;
import nl.stem.survey.xlsform.XlsForms;

/**
 * Surveys from the browser, through the same loader, publisher and version service as
 * {@code /api/surveys}: upload the YAML and PO files, or an XLSForm, as a draft, read every problem with file, line
 * and key and each language's translation status, download a language's PO template, add the
 * translations, publish; then a survey's versions, the diff between two, its templates, retiring it.
 * Researchers and admins. Every form carries the session's form token.
 */
@Path("/dashboard/surveys")
@RolesAllowed(Role.RESEARCHER_NAME)
@Produces(MediaType.TEXT_HTML)
@Blocking
public class SurveyPages {
    private static final String PO = "text/x-gettext-translation; charset=UTF-8";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Page page, Formats fmt, List<SurveyResource.SurveySummary> surveys, String formToken,
                                            String error);

        static native TemplateInstance draft(Page page, SurveyDrafts.Draft draft, LoadResult result, TranslationStatus.Report report,
                                             String templateBase, long errors, String formToken, String error);

        static native TemplateInstance survey(Page page, Formats fmt, SurveyResource.SurveySummary summary,
                                              List<SurveyResource.VersionSummary> versions, TranslationStatus.Report report,
                                              String templateBase, SurveyResource.Diff diff, int from, int to, String formToken,
                                              String notice);
    }

    private final XlsFormService xlsForms;
    private final SurveyDrafts drafts;
    private final SurveyVersions versions;
    private final SurveyPublisher publisher;
    private final SurveyCatalog catalog;
    private final ApiConfig apiConfig;
    private final DashboardConfig config;
    private final SecurityIdentity identity;
    private final Clock clock;

    @Inject
    public SurveyPages(XlsFormService xlsForms, SurveyDrafts drafts, SurveyVersions versions, SurveyPublisher publisher, SurveyCatalog catalog,
                       ApiConfig apiConfig, DashboardConfig config, SecurityIdentity identity, Clock clock) {
        this.xlsForms = xlsForms;
        this.drafts = drafts;
        this.versions = versions;
        this.publisher = publisher;
        this.catalog = catalog;
        this.apiConfig = apiConfig;
        this.config = config;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    public Response list(@QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                         @CookieParam(DashboardCookieMechanism.COOKIE) String cookie) {
        String language = DashboardLanguage.choose(lang, acceptLanguage);
        return html(200, listPage(language, cookie, null));
    }

    /** The upload becomes a draft, and the browser goes to its page (also when the files have problems). */
    @POST
    @Path("/drafts")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("lang") String lang, @RestForm("survey") FileUpload survey,
                           @RestForm("translations") List<FileUpload> translations, @RestForm(FormTokens.FIELD) String formToken,
                           @CookieParam(DashboardCookieMechanism.COOKIE) String cookie) {
        FormTokens.check(cookie, formToken);
        String language = DashboardLanguage.choose(lang, null);
        SurveyPageMessages m = messages(language);
        try {
            if (survey == null || survey.fileName() == null || survey.fileName().isEmpty()) {
                throw new StemException(ErrorCode.SURVEY_REQUIRED, m.no_survey_file());
            }
            String file = survey.fileName().replaceAll(".*[/\\\\]", "");
            SurveySource source;
            String surveyId;
            if (file.endsWith(".xlsx")) {
                XlsForms.Import form = xlsForms.read(bytes(survey, m), file);
                List<String> errors = form.problems().stream().filter(XlsFormProblem::isError).map(XlsFormProblem::toString).toList();
                if (form.source() == null || form.surveyId() == null || !errors.isEmpty()) {
                    throw new StemException(ErrorCode.XLSFORM_INVALID, m.xlsform_invalid(file) + " " + String.join(" · ", errors));
                }
                surveyId = form.surveyId();
                Map<String, String> po = poFiles(translations, surveyId, m);
                source = po.isEmpty() ? form.source() : withTranslations(form.source(), surveyId, po);
            } else {
                String yaml = text(survey, m);
                source = SurveyUploads.source(file, yaml, poFiles(translations, file.replaceFirst("\\.yaml$", ""), m));
                surveyId = file.substring(0, file.length() - ".yaml".length());
            }
            UUID draft = drafts.create(surveyId, source, identity.getPrincipal().getName(), clock.instant());
            return Response.seeOther(URI.create("/dashboard/surveys/drafts/" + draft + "?lang=" + language)).build();
        } catch (StemException e) {
            return html(e.status(), listPage(language, cookie, e.getMessage()));
        }
    }

    @GET
    @Path("/drafts/{draft}")
    public Response draft(@PathParam("draft") String id, @QueryParam("lang") String lang,
                          @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                          @CookieParam(DashboardCookieMechanism.COOKIE) String cookie) {
        String language = DashboardLanguage.choose(lang, acceptLanguage);
        return html(200, draftPage(language, find(id, language), cookie, null));
    }

    @GET
    @Path("/drafts/{draft}/{language}.po")
    @Produces(PO)
    public Response draftTemplate(@PathParam("draft") String id, @PathParam("language") String po) {
        SurveyDrafts.Draft draft = find(id, "en");
        TranslationStatus status = TranslationStatus.of(draft.source(), catalog.loader().taxonomy())
                .flatMap(r -> r.of(po)).orElseThrow(() -> new StemException(ErrorCode.LANGUAGE_NOT_FOUND,
                        "The draft's survey is not translated into '" + po + "'"));
        return poFile(draft.surveyId(), po, status.template(draft.surveyId()));
    }

    @POST
    @Path("/drafts/{draft}/translations")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response addTranslations(@PathParam("draft") String id, @RestForm("lang") String lang,
                                    @RestForm("translations") List<FileUpload> translations,
                                    @RestForm(FormTokens.FIELD) String formToken, @CookieParam(DashboardCookieMechanism.COOKIE) String cookie) {
        FormTokens.check(cookie, formToken);
        String language = DashboardLanguage.choose(lang, null);
        SurveyDrafts.Draft draft = find(id, language);
        SurveyPageMessages m = messages(language);
        try {
            Map<String, String> files = poFiles(translations, draft.surveyId(), m);
            SurveySource checked = SurveyUploads.source(draft.surveyId() + ".yaml", draft.source().yaml(), files);
            drafts.addTranslations(draft, checked.translations(), clock.instant());
            return Response.seeOther(URI.create("/dashboard/surveys/drafts/" + draft.id() + "?lang=" + language)).build();
        } catch (StemException e) {
            return html(e.status(), draftPage(language, draft, cookie, e.getMessage()));
        }
    }

    @POST
    @Path("/drafts/{draft}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("draft") String id, @RestForm("lang") String lang, @RestForm(FormTokens.FIELD) String formToken,
                            @CookieParam(DashboardCookieMechanism.COOKIE) String cookie) {
        FormTokens.check(cookie, formToken);
        String language = DashboardLanguage.choose(lang, null);
        SurveyDrafts.Draft draft = find(id, language);
        SurveyPublisher.Publication p;
        try {
            p = publisher.publish(draft.source(), identity.getPrincipal().getName());
        } catch (InvalidSurveyException e) {
            return html(422, draftPage(language, draft, cookie, null));
        }
        drafts.delete(draft.id());
        int version = p.survey().version().version();
        return Response.seeOther(URI.create("/dashboard/surveys/" + draft.surveyId() + "?lang=" + language
                + (p.created() ? "&published=" : "&unchanged=") + version)).build();
    }

    @GET
    @Path("/{id}")
    public Response survey(@PathParam("id") String id, @QueryParam("lang") String lang,
                           @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, @QueryParam("from") Integer from,
                           @QueryParam("to") Integer to, @QueryParam("published") Integer published,
                           @QueryParam("unchanged") Integer unchanged, @CookieParam(DashboardCookieMechanism.COOKIE) String cookie) {
        String language = DashboardLanguage.choose(lang, acceptLanguage);
        SurveyPageMessages m = messages(language);
        List<SurveyResource.VersionSummary> list = versions.versions(id);
        SurveyResource.SurveySummary summary = versions.list().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
        int latest = summary.latestVersion();
        int a = from == null ? Math.max(1, latest - 1) : from;
        int b = to == null ? latest : to;
        SurveyResource.Diff diff = from == null && to == null && latest == 1 ? null : versions.diff(id, a, b);
        String notice = published != null ? m.published(published, id) : unchanged != null ? m.unchanged(unchanged, id) : null;
        Map<String, String> query = new LinkedHashMap<>();
        if (from != null) {
            query.put("from", String.valueOf(from));
        }
        if (to != null) {
            query.put("to", String.valueOf(to));
        }
        Page page = new Page(language, identity.getPrincipal().getName(), "/dashboard/surveys/" + id, query);
        return html(200, DashboardPages.localized(Templates.survey(page, formats(language), summary, list, versions.translations(id, latest),
                "/dashboard/surveys/" + id + "/translations", diff, a, b, FormTokens.of(cookie), notice), language));
    }

    @GET
    @Path("/{id}/translations/{language}.po")
    @Produces(PO)
    public Response template(@PathParam("id") String id, @PathParam("language") String language) {
        if (!SurveyUploads.isLanguage(language)) {
            throw new StemException(ErrorCode.BAD_LANGUAGE, "'" + language + "' is not a language tag such as ar or pt-BR");
        }
        return poFile(id, language, versions.template(id, versions.latest(id), language));
    }

    @POST
    @Path("/{id}/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retire(@PathParam("id") String id, @RestForm("lang") String lang, @RestForm(FormTokens.FIELD) String formToken,
                           @CookieParam(DashboardCookieMechanism.COOKIE) String cookie) {
        FormTokens.check(cookie, formToken);
        versions.retire(id, identity.getPrincipal().getName());
        return Response.seeOther(URI.create("/dashboard/surveys/" + id + "?lang=" + DashboardLanguage.choose(lang, null))).build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response toLogin(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        return DashboardPages.loginRedirect(uri, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return DashboardPages.forbiddenPage(e, uri, headers, identity, config);
    }

    @ServerExceptionMapper
    public Response refused(StemException e, UriInfo uri, HttpHeaders headers) {
        return DashboardPages.refusedPage(e, uri, headers, identity, config);
    }

    private TemplateInstance listPage(String language, String cookie, String error) {
        Page page = new Page(language, identity.getPrincipal().getName(), "/dashboard/surveys", Map.of());
        return DashboardPages.localized(Templates.list(page, formats(language), versions.list(), FormTokens.of(cookie), error), language);
    }

    private TemplateInstance draftPage(String language, SurveyDrafts.Draft draft, String cookie, String error) {
        LoadResult result = catalog.loader().load(draft.source());
        TranslationStatus.Report report = TranslationStatus.of(draft.source(), catalog.loader().taxonomy()).orElse(null);
        Page page = new Page(language, identity.getPrincipal().getName(), "/dashboard/surveys/drafts/" + draft.id(), Map.of());
        return DashboardPages.localized(Templates.draft(page, draft, result, report,
                "/dashboard/surveys/drafts/" + draft.id(), result.errors().size(), FormTokens.of(cookie), error),
                language);
    }

    private SurveyDrafts.Draft find(String id, String language) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new StemException(ErrorCode.DRAFT_NOT_FOUND, messages(language).draft_gone());
        }
        return drafts.find(uuid).orElseThrow(() -> new StemException(ErrorCode.DRAFT_NOT_FOUND, messages(language).draft_gone()));
    }

    /** PO files by language, from their names: {@code ar.po}, or {@code <survey>-ar.po} as the templates are named. */
    private Map<String, String> poFiles(List<FileUpload> uploads, String surveyId, SurveyPageMessages m) {
        Map<String, String> out = new LinkedHashMap<>();
        if (uploads == null) {
            return out;
        }
        for (FileUpload f : uploads) {
            if (f == null || f.fileName() == null || f.fileName().isEmpty()) {
                continue; // the browser sends an empty part when no file was chosen
            }
            String name = f.fileName().replaceAll(".*[/\\\\]", "");
            if (!name.endsWith(".po")) {
                throw new StemException(ErrorCode.BAD_TRANSLATION, m.bad_po_name(name));
            }
            String stem = name.substring(0, name.length() - ".po".length());
            String lang = stem.startsWith(surveyId + "-") ? stem.substring(surveyId.length() + 1) : stem;
            if (!SurveyUploads.isLanguage(lang)) {
                throw new StemException(ErrorCode.BAD_TRANSLATION, m.bad_po_name(name));
            }
            out.put(lang, text(f, m));
        }
        return out;
    }

    /** The form's translations with these PO files added or replacing its own. */
    private static SurveySource withTranslations(SurveySource form, String surveyId, Map<String, String> po) {
        Map<String, SurveySource.TranslationFile> files = new LinkedHashMap<>(form.translations());
        SurveyUploads.source(surveyId + ".yaml", form.yaml(), po).translations().forEach(files::put);
        return new SurveySource(form.surveyFile(), form.yaml(), files);
    }

    private byte[] bytes(FileUpload f, SurveyPageMessages m) {
        String name = f.fileName().replaceAll(".*[/\\\\]", "");
        if (f.size() > apiConfig.maxUploadBytes()) {
            throw new StemException(ErrorCode.BODY_TOO_LARGE, m.too_large(name, apiConfig.maxUploadBytes()));
        }
        try {
            return Files.readAllBytes(f.uploadedFile());
        } catch (IOException e) {
            throw new StemException(ErrorCode.UNREADABLE_BODY, "The uploaded file could not be read");
        }
    }

    private String text(FileUpload f, SurveyPageMessages m) {
        String name = f.fileName().replaceAll(".*[/\\\\]", "");
        try {
            byte[] bytes = bytes(f, m);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new StemException(ErrorCode.NOT_UTF8, m.not_utf8(name));
        }
    }

    private static Response poFile(String surveyId, String language, String content) {
        return Response.ok(content, PO).header("Content-Disposition", "attachment; filename=\"" + surveyId + "-" + language + ".po\"").build();
    }

    private Formats formats(String language) {
        return new Formats(language, config.timeZone());
    }

    private static Response html(int status, TemplateInstance t) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(t.render()).build();
    }

    static SurveyPageMessages messages(String language) {
        return MessageBundles.get(SurveyPageMessages.class, Localized.Literal.of(language));
    }
}
