package nl.stem.panel.wave;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.stem.api.JsonBodies;
import nl.stem.api.auth.Role;
import nl.stem.api.export.Csv;

/** Coordinators launch, list, close and follow up waves of invitations. */
@Path("/api/waves")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.COORDINATOR_NAME)
@Tag(name = "waves", description = "Panel waves: invitations, reminders, links, closing, feedback")
public class WaveResource {

    /** The feedback message: texts by language tag, {@code default} for every other language. */
    public record FeedbackRequest(Map<String, String> texts) {
    }

    public record FeedbackSent(long wave, int recipients) {
    }

    @Inject
    Waves waves;
    @Inject
    WaveLifecycle lifecycle;
    @Inject
    WaveDeliveries deliveries;
    @Inject
    SecurityIdentity identity;
    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response launch(InputStream body) {
        WaveRequest request = JsonBodies.read(body, 1_048_576, json, WaveRequest.class);
        if (request != null && request.isDryRun()) {
            return Response.ok(waves.dryRun(request)).build();
        }
        LaunchReport report = waves.launch(request, identity.getPrincipal().getName());
        return Response.status(report.duplicate() ? 200 : 201).header("Location", "/api/waves/" + report.wave()).entity(report).build();
    }

    /** Who a launch would invite and who it would leave out, without launching (the same body as a launch). */
    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    public LaunchPreview preview(InputStream body) {
        return waves.preview(JsonBodies.read(body, 1_048_576, json, WaveRequest.class));
    }

    @GET
    public List<WaveSummary> list() {
        return lifecycle.list();
    }

    @GET
    @Path("{id}")
    public WaveSummary get(@PathParam("id") long id) {
        return lifecycle.get(id);
    }

    /** Per channel: queued, sent, delivered, read, failed by reason with what to do, cancelled. */
    @GET
    @Path("{id}/delivery")
    public WaveDelivery delivery(@PathParam("id") long id) {
        return deliveries.of(id);
    }

    @POST
    @Path("{id}/close")
    public WaveSummary close(@PathParam("id") long id) {
        return lifecycle.close(id, identity.getPrincipal().getName());
    }

    /** Telegram members not linked yet: member id, language and the link to hand them (CSV, formulas neutralised). */
    @GET
    @Path("{id}/links.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response links(@PathParam("id") long id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Csv.CsvWriter csv = Csv.writer(out);
            csv.row("member_id", "language", "link", "opened");
            for (MemberLink l : lifecycle.links(id)) {
                csv.row(l.memberId(), l.language(), l.link(), l.opened() ? "yes" : "no");
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.ok(out.toByteArray()).header("Content-Disposition", "attachment; filename=\"wave-" + id + "-links.csv\"").build();
    }

    @POST
    @Path("{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response feedback(@PathParam("id") long id, InputStream body) {
        FeedbackRequest request = JsonBodies.read(body, 65_536, json, FeedbackRequest.class);
        int recipients = lifecycle.feedback(id, request.texts(), identity.getPrincipal().getName());
        return Response.status(202).entity(new FeedbackSent(id, recipients)).build();
    }
}
