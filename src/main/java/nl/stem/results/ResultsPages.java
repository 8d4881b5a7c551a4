package nl.stem.results;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.api.audit.Audit;
import nl.stem.api.auth.Role;
import jakarta.ws.rs.CookieParam;
import nl.stem.dashboard.DashboardConfig;
import nl.stem.dashboard.DashboardCookieMechanism;
import nl.stem.dashboard.DashboardLanguage;
import nl.stem.dashboard.DashboardMessages;
import nl.stem.dashboard.DashboardPages;
import nl.stem.dashboard.Formats;
import nl.stem.dashboard.FormTokens;
import nl.stem.dashboard.Page;

/**
 * The results in the dashboard: {@code /dashboard/results} lists the surveys and their waves,
 * {@code /dashboard/results/<survey>?wave=7&by=region} shows what the panel said, with tables that
 * work without script and charts drawn by {@code results.js} from the same figures as JSON.
 * Researchers, coordinators and admins; only researchers (and admins) read the open answers and
 * play media, and only coordinators (and admins) publish a wave's results.
 */
@Path("/dashboard/results")
@RolesAllowed({Role.RESEARCHER_NAME, Role.COORDINATOR_NAME})
@Produces(MediaType.TEXT_HTML)
@Blocking
public class ResultsPages {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Page page, Formats fmt, List<ResultsChoices.SurveyChoice> surveys, boolean coordinator);

        static native TemplateInstance results(Page page, Formats fmt, SurveyResults r, ResultsForm form, List<WaveRef> waves,
                                               List<String> attributes, boolean researcher, boolean coordinator,
                                               Publication publication, Long publishableWave, String base, String formToken,
                                               RawString figures);

        static native TemplateInstance answers(Page page, Formats fmt, AnswerPage answers, String surveyId, ResultsForm form,
                                               String base, boolean researcher, String formToken);
    }

    @Inject
    ResultsRequests requests;
    @Inject
    ResultsChoices choices;
    @Inject
    Publications publications;
    @Inject
    Quotes quotes;
    @Inject
    Audit audit;
    @Inject
    SecurityIdentity identity;
    @Inject
    DashboardConfig dashboard;
    @Inject
    ObjectMapper json;

    @GET
    public TemplateInstance index(@QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        String language = DashboardLanguage.choose(lang, acceptLanguage);
        Page page = new Page(language, user(), "/dashboard/results", Map.of());
        return DashboardPages.localized(Templates.index(page, fmt(language), choices.surveys(), coordinator()), language);
    }

    @GET
    @Path("/{survey}")
    public TemplateInstance results(@PathParam("survey") String survey, @QueryParam("wave") List<String> waves,
                                    @QueryParam("from") String from, @QueryParam("to") String to,
                                    @QueryParam("language") String language, @QueryParam("channel") String channel,
                                    @QueryParam("by") String by, @QueryParam("paired") String paired, @QueryParam("text") String text,
                                    @QueryParam("view") String view, @QueryParam("lang") String lang,
                                    @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                                    @CookieParam(DashboardCookieMechanism.COOKIE) String cookie) {
        String ui = DashboardLanguage.choose(lang, acceptLanguage);
        ResultsForm form = new ResultsForm(waves, from, to, language, channel, by, "true".equals(paired) || "on".equals(paired), text, view);
        ResultsScope scope = requests.scope(form.params(survey));
        SurveyResults r = requests.results(scope, form.params(survey).lang, ui);
        audit.recordNow(user(), "results.view", scope.surveyId(), scope.describe());
        Long single = scope.waves().size() == 1 ? scope.waves().get(0).id() : null;
        Publication publication = single == null ? null : publications.live(single).orElse(null);
        Page page = new Page(ui, user(), "/dashboard/results/" + scope.surveyId(), queryMap(form));
        return DashboardPages.localized(Templates.results(page, fmt(ui), r, form, choices.waves(scope.surveyId()), choices.attributes(),
                researcher(), coordinator(), publication, single, "/dashboard/results/" + scope.surveyId(), FormTokens.of(cookie),
                figures(r)), ui);
    }

    @GET
    @Path("/{survey}/results.json")
    @Produces(MediaType.APPLICATION_JSON)
    public SurveyResults json(@PathParam("survey") String survey, @jakarta.ws.rs.BeanParam ResultsRequests.Params p,
                              @QueryParam("ui") String ui) {
        p.survey = survey;
        ResultsScope scope = requests.scope(p);
        return requests.results(scope, p.lang, DashboardLanguage.choose(ui, null));
    }

    @GET
    @Path("/{survey}/table.csv")
    @Produces(ResultsRequests.CSV)
    public Response csv(@PathParam("survey") String survey, @jakarta.ws.rs.BeanParam ResultsRequests.Params p,
                        @QueryParam("question") String question, @QueryParam("ui") String ui) {
        p.survey = survey;
        ResultsScope scope = requests.scope(p);
        String language = DashboardLanguage.choose(ui, null);
        SurveyResults r = requests.results(scope, p.lang, language);
        QuestionResult q = requests.question(r, question);
        audit.recordNow(user(), "results.table_csv", scope.surveyId(), scope.describe());
        StreamingOutput body = out -> ResultsCsv.write(r, q, "nl".equals(language) ? "alle" : "all", out);
        return ResultsRequests.file(body, ResultsRequests.CSV, r.survey() + "-" + q.id() + ".csv");
    }

    @GET
    @Path("/{survey}/answers/{question}")
    @RolesAllowed(Role.RESEARCHER_NAME)
    public TemplateInstance answers(@PathParam("survey") String survey, @PathParam("question") String question,
                                    @QueryParam("wave") List<String> waves, @QueryParam("from") String from, @QueryParam("to") String to,
                                    @QueryParam("language") String language, @QueryParam("channel") String channel,
                                    @QueryParam("text") String text, @QueryParam("q") String search, @QueryParam("page") String pageNumber,
                                    @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                                    @CookieParam(DashboardCookieMechanism.COOKIE) String cookie) {
        String ui = DashboardLanguage.choose(lang, acceptLanguage);
        ResultsForm form = new ResultsForm(waves, from, to, language, channel, null, false, text, null);
        ResultsScope scope = requests.scope(form.params(survey));
        AnswerPage answers = requests.answers(scope, form.params(survey).lang, question, search, pageNumber, false, dashboard.timeZone());
        audit.recordNow(user(), "results.answers", scope.surveyId(),
                Map.of("question", answers.question().id(), "page", answers.page(), "filters", scope.describe()));
        Map<String, String> query = queryMap(form);
        if (!answers.search().isEmpty()) {
            query.put("q", answers.search());
        }
        Page page = new Page(ui, user(), "/dashboard/results/" + scope.surveyId() + "/answers/" + answers.question().id(), query);
        return DashboardPages.localized(Templates.answers(page, fmt(ui), answers, scope.surveyId(), form,
                "/dashboard/results/" + scope.surveyId(), researcher(), FormTokens.of(cookie)), ui);
    }

    /** Marks an open answer for the public page, or unmarks it; back to the page it came from. */
    @POST
    @Path("/quotes/{answer}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.RESEARCHER_NAME)
    public Response quote(@PathParam("answer") String answer, @RestForm("publish") String publish, @RestForm("back") String back,
                          @RestForm(FormTokens.FIELD) String formToken, @CookieParam(DashboardCookieMechanism.COOKIE) String cookie) {
        FormTokens.check(cookie, formToken);
        quotes.mark(id(answer, "answer"), "true".equals(publish), user());
        return Response.seeOther(URI.create(local(back))).build();
    }

    /** Publishes a wave's results ({@code action=publish}) or revokes the link ({@code action=revoke}). */
    @POST
    @Path("/waves/{wave}/publication")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.COORDINATOR_NAME)
    public Response publication(@PathParam("wave") String wave, @RestForm("action") String action, @RestForm("back") String back,
                                @RestForm(FormTokens.FIELD) String formToken, @CookieParam(DashboardCookieMechanism.COOKIE) String cookie) {
        FormTokens.check(cookie, formToken);
        long id = id(wave, "wave");
        if ("revoke".equals(action)) {
            publications.revoke(id, user());
        } else {
            publications.publish(id, user());
        }
        return Response.seeOther(URI.create(local(back))).build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response toLogin(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        return DashboardPages.loginRedirect(uri, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        String language = DashboardPages.language(uri, headers);
        DashboardMessages m = DashboardPages.messages(language);
        return DashboardPages.errorPage(403, language, identity, m.error_forbidden(), m.error_forbidden(), dashboard);
    }

    @ServerExceptionMapper
    public Response problem(StemException e, UriInfo uri, HttpHeaders headers) {
        if (uri.getPath().endsWith(".json") || uri.getPath().endsWith(".csv")) {
            return nl.stem.api.ProblemMappers.problem(new nl.stem.api.Problem(e.status(), e.code(), e.getMessage(), null));
        }
        String language = DashboardPages.language(uri, headers);
        DashboardMessages m = DashboardPages.messages(language);
        return DashboardPages.errorPage(e.status(), language, identity, e.status() == 404 ? m.error_not_found() : m.error_bad_request(),
                e.getMessage(), dashboard);
    }

    private static long id(String value, String what) {
        if (value == null || !value.matches("[0-9]{1,18}")) {
            throw new StemException(ErrorCode.of(what + "_not_found"), "No " + what + " " + value);
        }
        return Long.parseLong(value);
    }

    /** Only a path on this site: a {@code back} of {@code //evil.example} or {@code https://...} goes to the results instead. */
    static String local(String back) {
        if (back == null || !back.startsWith("/dashboard/results") || back.contains("..") || back.contains("\\")
                || back.chars().anyMatch(ch -> ch < 0x21 || ch == 0x7f)) {
            return "/dashboard/results";
        }
        return back;
    }

    private static Map<String, String> queryMap(ResultsForm form) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String part : form.query().split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0 && !part.startsWith("wave=")) {
                q.put(part.substring(0, eq), java.net.URLDecoder.decode(part.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        if (!form.waves().isEmpty()) {
            q.put("wave", String.join(",", form.waves()));
        }
        return q;
    }

    private Formats fmt(String language) {
        return new Formats(language, dashboard.timeZone());
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    private boolean researcher() {
        return identity.hasRole(Role.RESEARCHER_NAME);
    }

    private boolean coordinator() {
        return identity.hasRole(Role.COORDINATOR_NAME);
    }

    /**
     * The figures as results.json gives them, for the charts: in the page itself, so one view counts
     * the answers once. In a {@code <script type="application/json">} block, where {@code <}, {@code >}
     * and {@code &} are written as JSON escapes so no answer text can close the block.
     */
    private RawString figures(SurveyResults r) {
        try {
            String text = json.writeValueAsString(r);
            return new RawString(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the results as JSON", e);
        }
    }
}
