package nl.stem.dashboard;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import nl.stem.api.StemException;
import nl.stem.api.auth.Role;

/**
 * The coordinator dashboard's pages: {@code GET /dashboard} lists the waves, {@code GET
 * /dashboard/waves/7?by=region&lang=en} shows one wave's figures (tables and charts, refreshed from
 * {@link WaveStatsJson}). Coordinators and admins only, by session cookie or bearer token; a visitor
 * without either is sent to the login form, a researcher gets 403.
 */
@Path("/dashboard")
@RolesAllowed({Role.COORDINATOR_NAME, Role.ADMIN_NAME})
@Produces(MediaType.TEXT_HTML)
@Blocking
public class DashboardPages {
    /** Most waves the list shows, newest first. */
    static final int WAVE_LIST_LIMIT = 200;
    /** Replaced by the refresh time in the "figures of ..." line by dashboard.js. */
    static final String TIME_MARKER = "@TIME@";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance waves(Page page, Formats fmt, List<WaveOverview> waves);

        static native TemplateInstance wave(Page page, Formats fmt, WaveStats stats, List<String> attributes, String by,
                                            String statsUrl, long refreshMs, long refreshSeconds, String timeMarker, String formToken,
                                            List<String> languages, nl.stem.panel.wave.WaveDelivery delivery);

        static native TemplateInstance error(Page page, Formats fmt, String title, String message);
    }

    @Inject
    WaveStatistics statistics;
    @Inject
    DashboardConfig config;
    @Inject
    SecurityIdentity identity;
    @Inject
    nl.stem.survey.SurveyCatalog catalog;
    @Inject
    nl.stem.panel.wave.WaveDeliveries deliveries;

    @GET
    public TemplateInstance waves(@QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        String language = DashboardLanguage.choose(lang, acceptLanguage);
        Page page = new Page(language, identity.getPrincipal().getName(), "/dashboard", Map.of());
        return localized(Templates.waves(page, formats(language), statistics.overview(WAVE_LIST_LIMIT, language)), language);
    }

    @GET
    @Path("/waves/{id}")
    public TemplateInstance wave(@PathParam("id") String id, @QueryParam("by") String by, @QueryParam("lang") String lang,
                                 @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                                 @jakarta.ws.rs.CookieParam(DashboardCookieMechanism.COOKIE) String cookie) {
        String language = DashboardLanguage.choose(lang, acceptLanguage);
        long waveId = WaveStatsJson.waveId(id);
        String attribute = by == null || by.isEmpty() ? null : by;
        WaveStats stats = statistics.of(waveId, attribute, language);
        Map<String, String> query = new LinkedHashMap<>();
        if (attribute != null) {
            query.put("by", attribute);
        }
        Page page = new Page(language, identity.getPrincipal().getName(), "/dashboard/waves/" + waveId, query);
        String statsUrl = "/dashboard/waves/" + waveId + "/stats.json?lang=" + language
                + (attribute == null ? "" : "&by=" + URLEncoder.encode(attribute, StandardCharsets.UTF_8));
        long refreshMs = Math.min(30_000, Math.max(1_000, config.refreshInterval().toMillis()));
        return localized(Templates.wave(page, formats(language), stats, stats.attributes(), attribute == null ? "" : attribute,
                statsUrl, refreshMs, refreshMs / 1000, TIME_MARKER, FormTokens.of(cookie),
                catalog.latest(stats.wave().surveyId()).map(p -> p.version().survey().languages()).orElse(List.of()),
                deliveries.of(waveId)), language);
    }

    /** Not logged in (no or an expired session): to the login form, coming back here afterwards. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response toLogin(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        return loginRedirect(uri, headers);
    }

    /** The redirect to the login form that comes back to this request's page; for every dashboard page. */
    public static Response loginRedirect(UriInfo uri, HttpHeaders headers) {
        String language = language(uri, headers);
        String next = uri.getRequestUri().getRawPath() + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
        return Response.seeOther(URI.create("/dashboard/login?lang=" + language + "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        String language = language(uri, headers);
        return errorPage(403, language, messages(language).error_forbidden(), messages(language).error_forbidden());
    }

    @ServerExceptionMapper
    public Response problem(StemException e, UriInfo uri, HttpHeaders headers) {
        String language = language(uri, headers);
        DashboardMessages m = messages(language);
        String title = e.status() == 404 ? m.error_not_found() : m.error_bad_request();
        return errorPage(e.status(), language, title, e.getMessage());
    }

    private Response errorPage(int status, String language, String title, String message) {
        return errorPage(status, language, identity, title, message, config);
    }

    /** A dashboard error page in the dashboard's layout; for every dashboard page. */
    /** The 403 page for a refused role or a form without its token, saying why. */
    public static Response forbiddenPage(ForbiddenException e, UriInfo uri, HttpHeaders headers, SecurityIdentity identity,
                                         DashboardConfig config) {
        String language = language(uri, headers);
        DashboardMessages m = messages(language);
        String message = e.getMessage() == null || e.getMessage().isBlank() ? m.error_forbidden() : e.getMessage();
        return errorPage(403, language, identity, m.error_forbidden(), message, config);
    }

    /** The error page for one of Stem's refusals (404, 400, 409, ...), with its message. */
    public static Response refusedPage(StemException e, UriInfo uri, HttpHeaders headers, SecurityIdentity identity,
                                       DashboardConfig config) {
        String language = language(uri, headers);
        DashboardMessages m = messages(language);
        return errorPage(e.status(), language, identity, e.status() == 404 ? m.error_not_found() : m.error_bad_request(),
                e.getMessage(), config);
    }

    public static Response errorPage(int status, String language, SecurityIdentity identity, String title, String message,
                                     DashboardConfig config) {
        Page page = new Page(language, identity.isAnonymous() ? null : identity.getPrincipal().getName(), "/dashboard", Map.of());
        String html = localized(Templates.error(page, new Formats(language, config.timeZone()), title, message), language).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    private Formats formats(String language) {
        return new Formats(language, config.timeZone());
    }

    public static TemplateInstance localized(TemplateInstance t, String language) {
        return t.setLocale(Locale.forLanguageTag(language));
    }

    public static DashboardMessages messages(String language) {
        return io.quarkus.qute.i18n.MessageBundles.get(DashboardMessages.class,
                io.quarkus.qute.i18n.Localized.Literal.of(language));
    }

    public static String language(UriInfo uri, HttpHeaders headers) {
        return DashboardLanguage.choose(uri.getQueryParameters().getFirst("lang"), headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
