package nl.stem.panel.member;

import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.api.audit.Audit;
import nl.stem.api.auth.Role;
import nl.stem.privacy.PersonalRecord;
import nl.stem.privacy.PersonalRecords;

/**
 * Coordinators enrol panel members from a CSV file, find them, and erase them. Researchers have no
 * access: members' numbers and chat ids are here. Example:
 * {@code curl -H 'Content-Type: text/csv' --data-binary @members.csv $STEM/api/members/import}
 * answers {@code {"rows": 120, "created": 118, "updated": 2, "unchanged": 0}}.
 */
@Path("/api/members")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.COORDINATOR_NAME)
@Tag(name = "members", description = "Panel members: CSV import, search, access requests, erasure")
public class MemberResource {
    static final String CSV = "text/csv";

    @Inject
    MemberImport memberImport;
    @Inject
    MemberDirectory directory;
    @Inject
    Erasure erasure;
    @Inject
    MembersConfig config;
    @Inject
    SecurityIdentity identity;
    @Inject
    Clock clock;
    @Inject
    PersonalRecords records;
    @Inject
    Audit audit;
    @Context
    UriInfo uri;

    @POST
    @Path("/import")
    @Operation(summary = "Import members from CSV (UTF-8, ',' or ';'), all or nothing",
            description = "Body: the CSV file (Content-Type text/csv). Columns member_id, channel, whatsapp_number, language, optional time_zone and consent, then"
                    + " attributes. 200 with counts; 400 for a bad header, 422 listing every rejected row (nothing stored),"
                    + " 413 when too large. An existing member_id is updated.")
    public ImportResult importMembers(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                      @RequestBody(content = @Content(mediaType = CSV)) InputStream body) {
        // Checked here rather than with @Consumes, so that a caller without a valid token learns nothing but 401.
        if (!isCsv(contentType)) {
            throw new StemException(ErrorCode.NOT_CSV, "Send the member file as Content-Type: text/csv (UTF-8)");
        }
        return memberImport.importFile(read(body), identity.getPrincipal().getName(), clock.instant());
    }

    @GET
    @Operation(summary = "Search members, ordered by member id",
            description = "Filters q (member id, number or chat id contains), channel, language, consent,"
                    + " status=active|opted_out, attribute.<name>=<value>; paging limit (1-1000, default 50) and offset")
    public MemberPage search() {
        return directory.search(MemberFilter.of(uri.getQueryParameters()));
    }

    @GET
    @Path("/{memberId}")
    @Operation(summary = "One member")
    public Member member(@PathParam("memberId") String memberId) {
        return directory.find(memberId).orElseThrow(() -> notFound(memberId));
    }

    @GET
    @Path("/{memberId}/record")
    @Operation(summary = "Everything Stem holds about a member (access request, art. 15 GDPR), as JSON",
            description = "Their identities, consents, sessions, answers, media (listed), invitations, waves, contacts and"
                    + " messages; nothing about anyone else. Audited (member.record). 404 for an unknown member.")
    public Response record(@PathParam("memberId") String memberId) {
        PersonalRecord record = personalRecord(memberId, "json");
        return Response.ok(record, MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/{memberId}/record.zip")
    @Produces("application/zip")
    @Operation(summary = "A member's record with their media files (portability, art. 20 GDPR), as a zip",
            description = "record.json (as /record) and media/<id>.<ext> for every file still kept; streamed. Audited.")
    public Response recordZip(@PathParam("memberId") String memberId) {
        PersonalRecord record = personalRecord(memberId, "zip");
        StreamingOutput body = out -> records.writeZip(record, out);
        return Response.ok(body, "application/zip").header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"record-" + memberId + ".zip\"").build();
    }

    private PersonalRecord personalRecord(String memberId, String format) {
        UUID respondentId = directory.respondentId(memberId).orElseThrow(() -> notFound(memberId));
        PersonalRecord record = records.read(respondentId, clock.instant()).orElseThrow(() -> notFound(memberId));
        audit.recordNow(identity.getPrincipal().getName(), "member.record", memberId, Map.of("format", format));
        return record;
    }

    @DELETE
    @Path("/{memberId}")
    @Transactional
    @Operation(summary = "Erase a member and everything about them",
            description = "Answers, media files, sessions, identities, invitations, wave memberships, contact log and"
                    + " outbox; 204. One anonymous audit record remains.")
    public Response erase(@PathParam("memberId") String memberId) {
        UUID respondentId = directory.respondentId(memberId).orElseThrow(() -> notFound(memberId));
        if (!erasure.erase(respondentId, identity.getPrincipal().getName(), clock.instant())) {
            throw notFound(memberId); // erased meanwhile
        }
        return Response.noContent().build();
    }

    private static boolean isCsv(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            return type.isCompatible(MediaType.valueOf(CSV)) || type.isCompatible(MediaType.TEXT_PLAIN_TYPE);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private byte[] read(InputStream body) {
        int limit = config.importMaxBytes();
        return nl.stem.api.RequestBody.read(body, limit, "The file is larger than " + limit + " bytes; split it");
    }

    private static StemException notFound(String memberId) {
        return new StemException(ErrorCode.MEMBER_NOT_FOUND, "No member with member_id '" + memberId + "'");
    }
}
