package nl.stem.privacy;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.stem.api.auth.Role;
import nl.stem.worker.Jdbc;

/**
 * The retention schedule's dry run: what a run now would delete, per category, with the settings
 * and the last daily run. Counts only, never whose. Coordinators and admins. Example:
 * {@code curl -H "Authorization: Bearer $TOKEN" $STEM/api/retention}.
 */
@Path("/api/retention")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.COORDINATOR_NAME)
@Tag(name = "retention", description = "The retention schedule: a dry run of what it would delete now")
public class RetentionResource {
    @Inject
    Retention retention;
    @Inject
    RetentionConfig config;
    @Inject
    DataSource ds;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper json;

    /** The dry run, the schedule and the last daily run. */
    public record View(RetentionReport report, boolean enabled, String cron, Map<String, Object> lastRun) {
    }

    @GET
    @Operation(summary = "What the retention schedule would delete now (a dry run; nothing changes)",
            description = "Per category (media, identities, session_state, messages, inbound_ids, preview): the rule, the"
                    + " cut-off and how many rows are due. Also whether the daily run is enabled here, its cron and the last run.")
    public View dryRun() throws SQLException {
        Map<String, Object> last = Jdbc.inTransaction(ds, c -> {
            try (var ps = c.prepareStatement("select day, started_at, finished_at, deleted::text from retention_runs order by day desc limit 1");
                 var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("day", rs.getObject(1, LocalDate.class).toString());
                m.put("startedAt", Jdbc.instant(rs, "started_at"));
                m.put("finishedAt", Jdbc.instant(rs, "finished_at"));
                m.put("deleted", rs.getString(4) == null ? null : json.readTree(rs.getString(4)));
                return m;
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        return new View(retention.dryRun(clock.instant()), config.enabled(), config.cron(), last);
    }
}
