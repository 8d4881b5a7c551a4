package nl.stem.dashboard;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;
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
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.api.auth.ApiTokens;
import nl.stem.api.auth.Role;
import nl.stem.api.auth.TokenResource;

/**
 * The admin's token page ({@code /dashboard/tokens}), through the same {@link ApiTokens} as
 * {@code /api/tokens}: every token with its role and state, a form to create one (its secret is
 * shown once, in the answer to the form), and revoke buttons. Admins only; every form carries the
 * session's form token.
 */
@Path("/dashboard/tokens")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.TEXT_HTML)
@Blocking
public class TokenPages {
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tokens(Page page, Formats fmt, List<TokenResource.TokenView> tokens,
                                              TokenResource.CreatedToken created, String formToken, String notice, String error);
    }

    private final ApiTokens tokens;
    private final DashboardConfig config;
    private final SecurityIdentity identity;

    @Inject
    public TokenPages(ApiTokens tokens, DashboardConfig config, SecurityIdentity identity) {
        this.tokens = tokens;
        this.config = config;
        this.identity = identity;
    }

    @GET
    public Response page(@QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                         @QueryParam("revoked") String revoked, @CookieParam(DashboardCookieMechanism.COOKIE) String cookie) {
        String language = DashboardLanguage.choose(lang, acceptLanguage);
        String notice = revoked == null || revoked.isBlank() ? null : messages(language).revoked(revoked.strip());
        return html(200, render(language, null, cookie, notice, null));
    }

    /** Creates a token and shows its secret in this answer only (not stored, not in a redirect's URL). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm("lang") String lang, @RestForm("name") String name, @RestForm("role") String role,
                           @RestForm(FormTokens.FIELD) String formToken, @CookieParam(DashboardCookieMechanism.COOKIE) String cookie) {
        FormTokens.check(cookie, formToken);
        String language = DashboardLanguage.choose(lang, null);
        try {
            TokenResource.CreatedToken created = tokens.create(name, role, identity.getPrincipal().getName());
            return html(201, render(language, created, cookie, null, null));
        } catch (StemException e) {
            return html(e.status(), render(language, null, cookie, null, e.getMessage()));
        }
    }

    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") String id, @RestForm("lang") String lang, @RestForm(FormTokens.FIELD) String formToken,
                           @CookieParam(DashboardCookieMechanism.COOKIE) String cookie) {
        FormTokens.check(cookie, formToken);
        long tokenId;
        try {
            tokenId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new StemException(ErrorCode.TOKEN_NOT_FOUND, "No token with id " + id);
        }
        TokenResource.TokenView revoked = tokens.revoke(tokenId, identity.getPrincipal().getName());
        return Response.seeOther(URI.create("/dashboard/tokens?lang=" + DashboardLanguage.choose(lang, null) + "&revoked="
                + URLEncoder.encode(revoked.name(), StandardCharsets.UTF_8))).build();
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

    private TemplateInstance render(String language, TokenResource.CreatedToken created, String cookie, String notice, String error) {
        Page page = new Page(language, identity.getPrincipal().getName(), "/dashboard/tokens", Map.of());
        return DashboardPages.localized(Templates.tokens(page, new Formats(language, config.timeZone()), tokens.list(), created,
                FormTokens.of(cookie), notice, error), language);
    }

    private static Response html(int status, TemplateInstance t) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store")
                .entity(t.render()).build();
    }

    static TokenPageMessages messages(String language) {
        return MessageBundles.get(TokenPageMessages.class, Localized.Literal.of(language));
    }
}
