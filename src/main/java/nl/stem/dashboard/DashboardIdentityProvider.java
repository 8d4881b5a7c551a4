package nl.stem.dashboard;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.api.auth.Role;

/**
 * Turns a dashboard session into the identity of the token it was opened with: same principal name
 * (for the audit log), same roles, attribute {@code token_id}. An unknown, expired or revoked session
 * gives no identity, so authentication fails: pages send the browser to the login form, JSON gets 401.
 */
@ApplicationScoped
public class DashboardIdentityProvider implements IdentityProvider<DashboardSessionRequest> {
    @Inject
    DashboardSessions sessions;

    @Override
    public Class<DashboardSessionRequest> getRequestType() {
        return DashboardSessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(DashboardSessionRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.resolve(request.sessionId()).map(DashboardIdentityProvider::identity).orElse(null));
    }

    private static SecurityIdentity identity(DashboardLogin login) {
        Role role = Role.parse(login.role());
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(login.tokenName()))
                .addAttribute("token_id", login.tokenId())
                .addAttribute("dashboard_session", true);
        if (role != null) {
            role.grants().forEach(b::addRole);
        }
        return b.build();
    }
}
