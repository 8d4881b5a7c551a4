package nl.stem.dashboard;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.api.auth.Role;

/**
 * A wave's figures as JSON ({@link WaveStats}), which the wave page polls and tests read. Example:
 * {@code GET /dashboard/waves/7/stats.json?by=region&lang=en} with the dashboard cookie or
 * {@code Authorization: Bearer <coordinator token>}. Without either: 401 problem JSON (no redirect);
 * unknown wave 404; a {@code by} that is not an attribute of the wave's members 400.
 */
@Path("/dashboard/waves/{id}/stats.json")
@RolesAllowed({Role.COORDINATOR_NAME, Role.ADMIN_NAME})
@Blocking
public class WaveStatsJson {
    @Inject
    WaveStatistics statistics;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response stats(@PathParam("id") String id, @QueryParam("by") String by, @QueryParam("lang") String lang,
                          @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        String language = DashboardLanguage.choose(lang, acceptLanguage);
        WaveStats stats = statistics.of(waveId(id), by == null || by.isEmpty() ? null : by, language);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(stats).cacheControl(noStore).build();
    }

    /** A wave id from a path; anything but a positive number is a wave that does not exist. */
    static long waveId(String id) {
        if (id == null || !id.matches("[0-9]{1,18}")) {
            throw new StemException(ErrorCode.WAVE_NOT_FOUND, "No wave with id " + id);
        }
        return Long.parseLong(id);
    }
}
