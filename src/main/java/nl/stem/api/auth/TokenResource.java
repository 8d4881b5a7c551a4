package nl.stem.api.auth;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import nl.stem.config.StemConfig;

/** Admins create, list and revoke role tokens. A token's secret is shown once, when created. */
@Path("/api/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "tokens", description = "API tokens and their roles (admin)")
public class TokenResource {
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
    ApiTokens tokens;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a role token", description = "The token is in the answer once; only its SHA-256 is stored")
    public Response create(InputStream body) {
        NewToken b = JsonBodies.read(body, config.limits().jsonBodyBytes(), json, NewToken.class);
        return Response.status(201).entity(tokens.create(b.name(), b.role(), identity.getPrincipal().getName())).build();
    }

    @GET
    @Operation(summary = "List tokens (never their secrets)")
    public List<TokenView> list() {
        return tokens.list();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a token", description = "It stops working at once; the row stays for the record")
    public TokenView revoke(@PathParam("id") long id) {
        return tokens.revoke(id, identity.getPrincipal().getName());
    }
}
