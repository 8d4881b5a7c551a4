package nl.stem.results;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.api.auth.Role;

/**
 * A wave's public results: {@code POST /api/waves/7/publication} publishes them behind an
 * unguessable link (201, or 200 with the live link), {@code GET} shows the link, {@code DELETE}
 * revokes it. Coordinators and admins.
 */
@Path("/api/waves/{id}/publication")
@RolesAllowed(Role.COORDINATOR_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "waves")
public class PublicationResource {
    @Inject
    Publications publications;
    @Inject
    SecurityIdentity identity;

    @POST
    @Operation(summary = "Publish the wave's results (aggregated, suppressed) behind an unguessable link")
    public Response publish(@PathParam("id") String id) {
        long wave = id(id);
        boolean existed = publications.live(wave).isPresent();
        Publication p = publications.publish(wave, identity.getPrincipal().getName());
        return Response.status(existed ? 200 : 201).entity(p).build();
    }

    @GET
    @Operation(summary = "The wave's live public link; 404 when it has none")
    public Publication get(@PathParam("id") String id) {
        return publications.live(id(id)).orElseThrow(() -> new StemException(ErrorCode.NOT_PUBLISHED, "Wave " + id + " has no public results"));
    }

    @DELETE
    @Operation(summary = "Revoke the public link: it answers 404 from now on")
    public Response revoke(@PathParam("id") String id) {
        publications.revoke(id(id), identity.getPrincipal().getName());
        return Response.noContent().build();
    }

    private static long id(String id) {
        if (id == null || !id.matches("[0-9]{1,18}")) {
            throw new StemException(ErrorCode.WAVE_NOT_FOUND, "No wave with id " + id);
        }
        return Long.parseLong(id);
    }
}
