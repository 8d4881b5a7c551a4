package nl.stem.api.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.api.ApiConfig;

/**
 * Turns a bearer token into an identity: the bootstrap admin token from configuration, or a
 * non-revoked row of {@code api_tokens}, both matched by SHA-256. The principal's name is the
 * token's name (what the audit log records); attribute {@code token_id} is the row id.
 */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    /** The principal name of the bootstrap token in the audit log. */
    public static final String BOOTSTRAP_NAME = "bootstrap-admin";

    @Inject
    DataSource db;
    @Inject
    ApiConfig config;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        if (token == null || token.isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("empty bearer token"));
        }
        String hash = TokenHashes.hash(token);
        var bootstrap = config.bootstrapToken().filter(t -> !t.isBlank());
        if (bootstrap.isPresent() && TokenHashes.sameHash(hash, TokenHashes.hash(bootstrap.get()))) {
            return Uni.createFrom().item(identity(BOOTSTRAP_NAME, Role.ADMIN, 0L));
        }
        return context.runBlocking(() -> lookUp(hash));
    }

    private SecurityIdentity lookUp(String hash) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select id, name, role from api_tokens where token_hash = ? and revoked_at is null")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AuthenticationFailedException("unknown or revoked token");
                }
                Role role = Role.parse(rs.getString("role"));
                if (role == null) {
                    throw new AuthenticationFailedException("token with an unknown role");
                }
                return identity(rs.getString("name"), role, rs.getLong("id"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up API tokens", e);
        }
    }

    private static SecurityIdentity identity(String name, Role role, long tokenId) {
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(name))
                .addAttribute("token_id", tokenId);
        role.grants().forEach(b::addRole);
        return b.build();
    }
}
