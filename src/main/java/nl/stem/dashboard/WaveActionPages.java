package nl.stem.dashboard;

import java.net.URI;
import java.util.LinkedHashMap;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import nl.stem.api.StemException;
import nl.stem.api.auth.Role;
import nl.stem.panel.wave.WaveLifecycle;

/**
 * A wave's actions from its page: close it, and send "what we learned" in each language, through
 * the same {@link WaveLifecycle} as the API; "Preview" shows the exact message per language and how
 * many members get each, before anything is sent. Each form carries the session's form token; a refusal
 * (an open wave's feedback, a second close, a missing language) comes back as the wave page's
 * error, and changes nothing. Coordinators and admins.
 */
@Path("/dashboard/wave-actions/{id}")
@RolesAllowed(Role.COORDINATOR_NAME)
@Produces(MediaType.TEXT_HTML)
@Blocking
public class WaveActionPages {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance preview(Page page, long wave, List<WaveLifecycle.FeedbackPreview> previews, Map<String, String> texts,
                                               String formToken);
    }

    @Inject
    WaveLifecycle lifecycle;
    @Inject
    DashboardConfig config;
    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("id") String id, @RestForm("lang") String lang, @RestForm(FormTokens.FIELD) String formToken,
                          @CookieParam(DashboardCookieMechanism.COOKIE) String cookie) {
        FormTokens.check(cookie, formToken);
        long wave = WaveStatsJson.waveId(id);
        lifecycle.close(wave, identity.getPrincipal().getName());
        return back(wave, lang);
    }

    /** Texts by language from the fields {@code text_<lang>} and {@code text_default}; empty ones are left out. */
    @POST
    @Path("/feedback")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response feedback(@PathParam("id") String id, MultivaluedMap<String, String> fields,
                             @CookieParam(DashboardCookieMechanism.COOKIE) String cookie) {
        FormTokens.check(cookie, fields.getFirst(FormTokens.FIELD));
        long wave = WaveStatsJson.waveId(id);
        Map<String, String> texts = new LinkedHashMap<>();
        fields.forEach((name, values) -> {
            if (name.startsWith("text_") && !values.isEmpty() && !values.get(0).isBlank()) {
                texts.put(name.substring("text_".length()), values.get(0).strip());
            }
        });
        if ("preview".equals(fields.getFirst("action"))) {
            String language = DashboardLanguage.choose(fields.getFirst("lang"), null);
            Page page = new Page(language, identity.getPrincipal().getName(), "/dashboard/wave-actions/" + wave + "/feedback", Map.of());
            String html = DashboardPages.localized(Templates.preview(page, wave, lifecycle.previewFeedback(wave, texts), texts,
                    FormTokens.of(cookie)), language).render();
            return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        lifecycle.feedback(wave, texts, identity.getPrincipal().getName());
        return back(wave, fields.getFirst("lang"));
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

    private static Response back(long wave, String lang) {
        String language = DashboardLanguage.choose(lang, null);
        return Response.seeOther(URI.create("/dashboard/waves/" + wave + "?lang=" + language)).build();
    }
}
