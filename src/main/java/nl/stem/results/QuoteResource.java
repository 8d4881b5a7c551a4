package nl.stem.results;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.api.auth.Role;

/** Marks a text answer as a quote the public page may show ({@code PUT}), or unmarks it ({@code DELETE}). Researchers. */
@Path("/api/results/quotes/{answer}")
@RolesAllowed(Role.RESEARCHER_NAME)
@Tag(name = "results")
public class QuoteResource {
    @Inject
    Quotes quotes;
    @Inject
    SecurityIdentity identity;

    @PUT
    @Operation(summary = "Show this text answer on the wave's public page (its text and language only)")
    public Response mark(@PathParam("answer") String answer) {
        quotes.mark(id(answer), true, identity.getPrincipal().getName());
        return Response.noContent().build();
    }

    @DELETE
    @Operation(summary = "Take this answer off the public page")
    public Response unmark(@PathParam("answer") String answer) {
        quotes.mark(id(answer), false, identity.getPrincipal().getName());
        return Response.noContent().build();
    }

    private static long id(String id) {
        if (id == null || !id.matches("[0-9]{1,18}")) {
            throw new StemException(ErrorCode.ANSWER_NOT_FOUND, "No answer with id " + id);
        }
        return Long.parseLong(id);
    }
}
