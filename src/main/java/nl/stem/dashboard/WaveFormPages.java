package nl.stem.dashboard;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;
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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import nl.stem.api.StemException;
import nl.stem.api.auth.Role;
import nl.stem.panel.wave.LaunchPreview;
import nl.stem.panel.wave.LaunchReport;
import nl.stem.panel.wave.Waves;
import nl.stem.survey.PublishedSurvey;
import nl.stem.survey.SurveyCatalog;

/**
 * A wave from the browser: {@code GET /dashboard/waves/new} is the form; posting it previews who
 * would be invited and who left out and why, or launches the wave through the same {@link Waves}
 * service as {@code POST /api/waves}, and goes to the wave's page. Each form carries a random key,
 * so a double submit makes one wave, and the session's form token. Coordinators and admins.
 */
@Path("/dashboard/waves/new")
@RolesAllowed(Role.COORDINATOR_NAME)
@Produces(MediaType.TEXT_HTML)
@Blocking
public class WaveFormPages {
    private static final SecureRandom RANDOM = new SecureRandom();

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Page page, WaveForm form, List<PublishedSurvey> surveys, String formToken,
                                            LaunchPreview preview, nl.stem.panel.wave.DryRun dry, String lastAt, String error);
    }

    @Inject
    Waves waves;
    @Inject
    SurveyCatalog catalog;
    @Inject
    DashboardConfig config;
    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance form(@QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                                 @CookieParam(DashboardCookieMechanism.COOKIE) String cookie) {
        String language = DashboardLanguage.choose(lang, acceptLanguage);
        WaveForm blank = new WaveForm("", "", "", "", "", "", "", "", "", "", newKey());
        return render(language, blank, cookie, null, null, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@RestForm("lang") String lang, @RestForm("action") String action, @RestForm("name") String name,
                           @RestForm("survey") String survey, @RestForm("invite_at") String inviteAt,
                           @RestForm("reminders") String reminders, @RestForm("channel") String channel,
                           @RestForm("language") String memberLanguage, @RestForm("attributes") String attributes,
                           @RestForm("members") String members, @RestForm("quiet_start") String quietStart,
                           @RestForm("quiet_end") String quietEnd, @RestForm("key") String key,
                           @RestForm(FormTokens.FIELD) String formToken, @CookieParam(DashboardCookieMechanism.COOKIE) String cookie) {
        FormTokens.check(cookie, formToken);
        String language = DashboardLanguage.choose(lang, null);
        WaveFormMessages m = messages(language);
        WaveForm form = new WaveForm(name, survey, inviteAt, reminders, channel, memberLanguage, attributes, members, quietStart,
                quietEnd, key == null || !key.matches("[A-Za-z0-9_-]{8,64}") ? newKey() : key);
        try {
            var request = form.request(config.timeZone(), m);
            if ("launch".equals(action)) {
                LaunchReport report = waves.launch(request, identity.getPrincipal().getName());
                return Response.seeOther(URI.create("/dashboard/waves/" + report.wave() + "?lang=" + language)).build();
            }
            // The preview is the launch's dry run: who, and also when (the daily limit), the cost and what would refuse.
            nl.stem.panel.wave.DryRun dry = waves.dryRun(request);
            LaunchPreview preview = new LaunchPreview(dry.invited(), dry.byChannel(), dry.links(), dry.excluded());
            String lastAt = dry.lastInvitationAt() == null ? null : new Formats(language, config.timeZone()).dateTime(dry.lastInvitationAt());
            return page(200, render(language, form, cookie, preview, dry, lastAt, null));
        } catch (StemException e) {
            return page(e.status(), render(language, form, cookie, null, null, null, e.getMessage()));
        }
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response toLogin(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        return DashboardPages.loginRedirect(uri, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return DashboardPages.forbiddenPage(e, uri, headers, identity, config);
    }

    private TemplateInstance render(String language, WaveForm form, String cookie, LaunchPreview preview, nl.stem.panel.wave.DryRun dry,
                                    String lastAt, String error) {
        Page page = new Page(language, identity.getPrincipal().getName(), "/dashboard/waves/new", Map.of());
        return DashboardPages.localized(Templates.form(page, form, catalog.current(), FormTokens.of(cookie), preview, dry, lastAt, error),
                language);
    }

    private static Response page(int status, TemplateInstance t) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(t.render()).build();
    }

    private static String newKey() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static WaveFormMessages messages(String language) {
        return io.quarkus.qute.i18n.MessageBundles.get(WaveFormMessages.class, io.quarkus.qute.i18n.Localized.Literal.of(language));
    }
}
