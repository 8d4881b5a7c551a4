package nl.stem.dashboard;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The dashboard cookie's session id, to be turned into an identity by {@link DashboardIdentityProvider}. */
public class DashboardSessionRequest extends BaseAuthenticationRequest {
    private final String sessionId;

    public DashboardSessionRequest(String sessionId) {
        this.sessionId = sessionId;
    }

    public String sessionId() {
        return sessionId;
    }
}
