package nl.stem.dashboard;

import java.util.Set;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The second way in, beside {@code Authorization: Bearer}: the dashboard's session cookie
 * ({@value #COOKIE}, set by {@code POST /dashboard/login}). It runs after the bearer mechanism, so a
 * bearer token wins when both are sent; without the cookie the request stays anonymous. Example:
 * {@code Cookie: stem_dashboard=Xq3...} on {@code GET /dashboard} is the coordinator who logged in.
 */
@ApplicationScoped
public class DashboardCookieMechanism implements HttpAuthenticationMechanism {
    /** The cookie's name. */
    public static final String COOKIE = "stem_dashboard";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Cookie cookie = context.request().getCookie(COOKIE);
        if (cookie == null || cookie.getValue().isEmpty() || !countsFor(context.request().method(), context.normalizedPath())) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager.authenticate(new DashboardSessionRequest(cookie.getValue()));
    }

    /**
     * The cookie opens every dashboard page, but of the API only what a link in a page reads (exports,
     * media, the codebook): a GET or HEAD. A change through the API needs a bearer token, so no page of
     * another site can make one with a coordinator's cookie, whatever the browser does with SameSite.
     */
    static boolean countsFor(HttpMethod method, String path) {
        if (path == null || !path.startsWith("/api/")) {
            return true;
        }
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        // Pages redirect to the login form and JSON answers 401 in the REST layer (DashboardPages, AuthProblemMappers).
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(DashboardSessionRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, COOKIE));
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY - 100; // after the bearer mechanism
    }
}
