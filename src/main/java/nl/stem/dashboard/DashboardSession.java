package nl.stem.dashboard;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import nl.stem.api.auth.Role;

/**
 * What the dashboard's layout needs from the request on every page: the session's form token (for the
 * logout form) and which sections the signed-in role may open, so the navigation never offers a page
 * that would answer 403. Templates read it as {@code {inject:dashboardSession.formToken}}.
 */
@Named("dashboardSession")
@RequestScoped
public class DashboardSession {
    private final SecurityIdentity identity;
    private final HttpServerRequest request;

    @Inject
    public DashboardSession(SecurityIdentity identity, HttpServerRequest request) {
        this.identity = identity;
        this.request = request;
    }

    /** The form token of this request's session; "" without a session cookie. */
    public String formToken() {
        Cookie cookie = request.getCookie(DashboardCookieMechanism.COOKIE);
        return FormTokens.of(cookie == null ? null : cookie.getValue());
    }

    /** Coordinators and admins: waves and members. */
    public boolean coordinator() {
        return !identity.isAnonymous() && identity.hasRole(Role.COORDINATOR_NAME);
    }

    /** Admins: tokens. */
    public boolean admin() {
        return !identity.isAnonymous() && identity.hasRole(Role.ADMIN_NAME);
    }

    /** Researchers and admins: results. */
    public boolean researcher() {
        return !identity.isAnonymous() && identity.hasRole(Role.RESEARCHER_NAME);
    }
}
