package nl.stem.dashboard;

import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import nl.stem.api.audit.Audit;
import nl.stem.api.auth.ApiTokenIdentityProvider;
import nl.stem.api.auth.Role;

/**
 * Logging in to and out of the dashboard. {@code POST /dashboard/login} with {@code token=<API token>}
 * checks the token once (the same hashes as the API), opens a {@link DashboardSessions session} and
 * sets its id in an HttpOnly, SameSite=Strict cookie (Secure over https), then redirects to the
 * dashboard. A missing or invalid token shows the form again with a plain error; nothing says why a
 * token is invalid. {@code POST /dashboard/logout} ends the session and clears the cookie.
 */
@Path("/dashboard")
@Blocking
public class LoginPage {
    /** Where a login may lead afterwards: a dashboard page, never another site. */
    private static final Pattern LOCAL_NEXT = Pattern.compile("/dashboard(/[A-Za-z0-9/_.-]*)?(\\?[A-Za-z0-9_.~=&%+-]*)?");
    private static final int MAX_TOKEN = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Page page, Formats fmt, String error, String next, long ttlHours);
    }

    @Inject
    IdentityProviderManager identities;
    @Inject
    DashboardSessions sessions;
    @Inject
    DashboardConfig config;
    @Inject
    Audit audit;
    @Context
    HttpServerRequest request;
    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/login")
    @Produces(MediaType.TEXT_HTML)
    public Response form(@QueryParam("lang") String lang, @QueryParam("next") String next,
                         @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        String language = DashboardLanguage.choose(lang, acceptLanguage);
        return page(200, language, null, next);
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response login(@RestForm("token") String token, @RestForm("lang") String lang, @RestForm("next") String next,
                          @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        String language = DashboardLanguage.choose(lang, acceptLanguage);
        DashboardMessages m = DashboardPages.messages(language);
        String t = token == null ? "" : token.strip();
        if (t.isEmpty()) {
            return page(400, language, m.login_error_empty(), next);
        }
        if (t.length() > MAX_TOKEN) {
            return page(401, language, m.login_error_invalid(), next);
        }
        SecurityIdentity who;
        try {
            who = identities.authenticateBlocking(new TokenAuthenticationRequest(new TokenCredential(t, "bearer")));
        } catch (AuthenticationFailedException e) {
            return page(401, language, m.login_error_invalid(), next);
        }
        if (!who.hasRole(Role.COORDINATOR_NAME) && !who.hasRole(Role.ADMIN_NAME) && !who.hasRole(Role.RESEARCHER_NAME)) {
            return page(403, language, m.login_error_role(), next);
        }
        long tokenId = who.getAttribute("token_id");
        if (ApiTokenIdentityProvider.BOOTSTRAP_NAME.equals(who.getPrincipal().getName()) && tokenId == 0L) {
            return page(403, language, m.login_error_bootstrap(), next);
        }
        String sessionId = sessions.open(tokenId);
        audit.recordNow(who.getPrincipal().getName(), "dashboard.login", who.getPrincipal().getName(), Map.of("token_id", tokenId));
        // A researcher's home is the results: the wave pages show the coordinator's work.
        String home = who.hasRole(Role.COORDINATOR_NAME) ? "/dashboard" : "/dashboard/results";
        String target = !isLocal(next) ? home + "?lang=" + language
                : next.matches(".*[?&]lang=.*") ? next : next + (next.contains("?") ? "&" : "?") + "lang=" + language;
        return Response.seeOther(URI.create(target)).cookie(cookie(sessionId, -1)).build();
    }

    @POST
    @Path("/logout")
    public Response logout(@CookieParam(DashboardCookieMechanism.COOKIE) String sessionId, @QueryParam("lang") String lang,
                           @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                           @RestForm(FormTokens.FIELD) String formToken) {
        String language = DashboardLanguage.choose(lang, acceptLanguage);
        if (sessionId != null && !sessionId.isEmpty() && !FormTokens.of(sessionId).equals(formToken == null ? "" : formToken)) {
            // Another site's form cannot log a coordinator out: the session stays, and the page says why.
            DashboardMessages m = DashboardPages.messages(language);
            return DashboardPages.errorPage(403, language, identity, m.error_forbidden(), FormTokens.REFUSED, config);
        }
        sessions.close(sessionId);
        return Response.seeOther(URI.create("/dashboard/login?lang=" + language)).cookie(cookie("", 0)).build();
    }

    private Response page(int status, String language, String error, String next) {
        String safeNext = isLocal(next) ? next : "";
        Page page = new Page(language, null, "/dashboard/login", safeNext.isEmpty() ? Map.of() : Map.of("next", safeNext));
        String html = DashboardPages.localized(Templates.form(page, new Formats(language, config.timeZone()), error, safeNext,
                config.sessionTtl().toHours()), language).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").entity(html).build();
    }

    private static boolean isLocal(String next) {
        return next != null && LOCAL_NEXT.matcher(next).matches() && !next.contains("..");
    }

    /**
     * The session cookie; {@code maxAge} -1 lasts the browser session (the server keeps the expiry), 0 deletes it.
     * Its path is {@code /} so that the pages' export, media and codebook links under {@code /api/} work in
     * the browser; there it counts for reading only ({@link DashboardCookieMechanism}).
     */
    private NewCookie cookie(String value, int maxAge) {
        boolean https = "https".equalsIgnoreCase(request.scheme());
        return new NewCookie.Builder(DashboardCookieMechanism.COOKIE).value(value).path("/")
                .httpOnly(true).secure(https).sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}
