package nl.stem.api.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.api.auth.Role;
import nl.stem.audit.AuditEntry;

/** The audit log, newest first, paged by id. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "audit", description = "Who published, retired, exported, downloaded, changed tokens or deleted, and when")
public class AuditResource {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    /** One entry; {@code details} as stored (JSON). */
    public record Entry(long id, Instant at, String actor, String action, String subject, JsonNode details) {
    }

    /** A page; pass {@code nextBefore} as {@code before} for the next (older) page, null at the end. */
    public record Page(List<Entry> entries, Long nextBefore) {
    }

    @Inject
    ObjectMapper json;

    @GET
    @Transactional
    @Operation(summary = "List audit entries, newest first", description = "limit 1-500 (default 50); before = an entry id, for older pages")
    public Page list(@QueryParam("limit") Integer limit, @QueryParam("before") Long before) {
        int n = limit == null ? DEFAULT_LIMIT : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw new StemException(ErrorCode.BAD_LIMIT, "limit must be between 1 and " + MAX_LIMIT);
        }
        List<AuditEntry> rows = before == null
                ? AuditEntry.<AuditEntry>find("order by id desc").page(0, n + 1).list()
                : AuditEntry.<AuditEntry>find("id < :before order by id desc", Parameters.with("before", before)).page(0, n + 1).list();
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, rows.size()); i++) {
            AuditEntry e = rows.get(i);
            out.add(new Entry(e.id, e.at, e.actor, e.action, e.subject, parse(e.details)));
        }
        Long next = rows.size() > n ? out.get(out.size() - 1).id() : null;
        return new Page(out, next);
    }

    private JsonNode parse(String details) {
        if (details == null) {
            return null;
        }
        try {
            return json.readTree(details);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(details);
        }
    }
}
