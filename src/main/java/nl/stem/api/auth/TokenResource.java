package nl.stem.api.auth;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.stem.api.JsonBodies;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.api.audit.Audit;
import nl.stem.config.StemConfig;

/** Admins create, list and revoke role tokens. A token's secret is shown once, when created. */
@Path("/api/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "tokens", description = "API tokens and their roles (admin)")
public class TokenResource {
    private static final int MAX_NAME = 100;

    /** {@code {"name": "anna-research", "role": "researcher"}}. */
    public record NewToken(String name, String role) {
    }

    /** A token without its secret. */
    public record TokenView(long id, String name, String role, Instant createdAt, String createdBy, Instant revokedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.id, t.name, t.role, t.createdAt, t.createdBy, t.revokedAt);
        }
    }

    /** The answer to a create: the only time {@code token} is shown. */
    public record CreatedToken(long id, String name, String role, String token) {
    }

    @Inject
    SecurityIdentity identity;
    @Inject
    StemConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    Audit audit;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Create a role token", description = "The token is in the answer once; only its SHA-256 is stored")
    public Response create(InputStream body) {
        NewToken b = JsonBodies.read(body, config.limits().jsonBodyBytes(), json, NewToken.class);
        if (b.name() == null || b.name().isBlank() || b.name().length() > MAX_NAME) {
            throw new StemException(ErrorCode.BAD_NAME, "Give the token a \"name\" of 1-" + MAX_NAME + " characters (it appears in the audit log)");
        }
        Role role = Role.parse(b.role());
        if (role == null) {
            throw new StemException(ErrorCode.BAD_ROLE, "\"role\" must be researcher, coordinator or admin");
        }
        String secret = TokenHashes.newToken();
        ApiToken t = new ApiToken();
        t.name = b.name().strip();
        t.role = role.roleName();
        t.tokenHash = TokenHashes.hash(secret);
        t.createdAt = clock.instant();
        t.createdBy = identity.getPrincipal().getName();
        t.persist();
        audit.record(t.createdBy, "token.create", t.name, Map.of("token_id", t.id, "role", t.role));
        return Response.status(201).entity(new CreatedToken(t.id, t.name, t.role, secret)).build();
    }

    @GET
    @Transactional
    @Operation(summary = "List tokens (never their secrets)")
    public List<TokenView> list() {
        return ApiToken.<ApiToken>list("order by id").stream().map(TokenView::of).toList();
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Revoke a token", description = "It stops working at once; the row stays for the record")
    public TokenView revoke(@PathParam("id") long id) {
        ApiToken t = ApiToken.findById(id);
        if (t == null) {
            throw new StemException(ErrorCode.TOKEN_NOT_FOUND, "No token with id " + id);
        }
        if (t.revokedAt == null) {
            t.revokedAt = clock.instant();
            audit.record(identity.getPrincipal().getName(), "token.revoke", t.name, Map.of("token_id", t.id, "role", t.role));
        }
        return TokenView.of(t);
    }
}
