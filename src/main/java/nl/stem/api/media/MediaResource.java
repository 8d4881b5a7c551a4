package nl.stem.api.media;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import nl.stem.api.Problem;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.api.audit.Audit;
import nl.stem.api.auth.Role;
import nl.stem.api.export.ExportFilter;
import nl.stem.api.export.ExportFilters;
import nl.stem.api.export.ExportResource;
import nl.stem.media.MediaObject;
import nl.stem.media.MediaStore;

/**
 * Researchers list and play answers' audio and video. Downloads support HTTP ranges so that a
 * browser's player can seek; every download request is audited.
 */
@Path("/api/media")
@RolesAllowed(Role.RESEARCHER_NAME)
@Tag(name = "media", description = "Answers' voice notes, videos and images")
public class MediaResource {
    private static final int CHUNK = 64 * 1024;

    /** One media answer: no provider reference, no phone number or chat id. */
    public record MediaItem(UUID id, String kind, String mimeType, Long sizeBytes, Integer durationSeconds, String status,
                            String survey, int surveyVersion, String question, String respondent, Instant answeredAt,
                            String channel, String language) {
    }

    @Inject
    DataSource db;
    @Inject
    ExportFilters filters;
    @Inject
    MediaStore store;
    @Inject
    Audit audit;
    @Inject
    SecurityIdentity identity;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the media answers of a survey",
            description = "Same filters as the exports: survey (required), version, wave, from, to, language, channel, include_preview")
    public List<MediaItem> list(@BeanParam ExportResource.Params p) {
        ExportFilter f = filters.parse(p.survey, p.version, p.wave, p.from, p.to, p.language, p.channel, p.includePreview);
        StringBuilder sql = new StringBuilder("""
                select m.id, m.kind, m.mime_type, m.size_bytes, m.duration_seconds, m.status, v.survey_id, v.version,
                       a.question_id, r.pseudonym, a.answered_at, a.channel, a.language
                from answers a
                join media_objects m on m.id = a.media_id
                join respondents r on r.id = a.respondent_id
                join survey_versions v on v.id = a.survey_version_id
                where a.survey_version_id = any (?)""");
        List<Object> params = new ArrayList<>();
        f.appendConditions(sql, params);
        sql.append(" order by a.answered_at, a.id");
        List<MediaItem> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setArray(1, c.createArrayOf("bigint", f.versions().stream().map(v -> v.versionId()).toArray(Long[]::new)));
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 2, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new MediaItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), (Long) rs.getObject(4),
                            (Integer) rs.getObject(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9),
                            rs.getString(10), rs.getTimestamp(11).toInstant(), rs.getString(12), rs.getString(13)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Media list query failed", e);
        }
        return out;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Download (or play) a media answer",
            description = "Its own content type; Range requests get 206 with Content-Range, unsatisfiable ones 416. "
                    + "409 while the file is still being fetched from the provider, 404 when unavailable, 410 when deleted under the retention schedule")
    public Response download(@PathParam("id") String id, @HeaderParam("Range") String rangeHeader) throws IOException {
        MediaObject m = find(id);
        if (MediaObject.PENDING.equals(m.status)) {
            throw new StemException(ErrorCode.MEDIA_PENDING, "This file has not been fetched from the provider yet; try again in a minute");
        }
        if (MediaObject.EXPIRED.equals(m.status)) {
            throw new StemException(ErrorCode.MEDIA_EXPIRED, "This file was deleted under the retention schedule (stem.retention.media-months)");
        }
        if (!MediaObject.STORED.equals(m.status) || m.sha256 == null) {
            throw new StemException(ErrorCode.MEDIA_UNAVAILABLE, "This file could not be fetched from the provider and is not available");
        }
        java.nio.file.Path file = store.path(m.sha256).orElseThrow(() ->
                new StemException(ErrorCode.MEDIA_UNAVAILABLE, "This file is no longer stored"));
        long size = java.nio.file.Files.size(file);
        String type = m.mimeType == null ? MediaType.APPLICATION_OCTET_STREAM : m.mimeType;
        ByteRange range;
        try {
            range = ByteRange.parse(rangeHeader, size);
        } catch (ByteRange.Unsatisfiable e) {
            return Response.status(416).type(MediaType.APPLICATION_JSON).header("Content-Range", "bytes */" + size)
                    .header("Accept-Ranges", "bytes")
                    .entity(new Problem(ErrorCode.RANGE_NOT_SATISFIABLE, "The file has " + size + " bytes; the requested range is outside it"))
                    .build();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", m.kind);
        details.put("range", range == null ? null : range.first() + "-" + range.last());
        audit.recordNow(identity.getPrincipal().getName(), "media.download", m.id.toString(), details);
        long first = range == null ? 0 : range.first();
        long length = range == null ? size : range.length();
        StreamingOutput body = out -> copy(file, first, length, out);
        Response.ResponseBuilder r = Response.status(range == null ? 200 : 206).entity(body).type(type)
                .header("Accept-Ranges", "bytes").header("Content-Length", length)
                .header("Cache-Control", "private, no-store")
                .header("Content-Disposition", "inline; filename=\"" + m.id + "\"");
        if (range != null) {
            r.header("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + size);
        }
        return r.build();
    }

    @Transactional
    MediaObject find(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new StemException(ErrorCode.MEDIA_NOT_FOUND, "No media with id " + id);
        }
        MediaObject m = MediaObject.findById(uuid);
        if (m == null) {
            throw new StemException(ErrorCode.MEDIA_NOT_FOUND, "No media with id " + id);
        }
        return m;
    }

    private static void copy(java.nio.file.Path file, long first, long length, OutputStream out) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(CHUNK);
            long pos = first;
            long left = length;
            while (left > 0) {
                buf.clear();
                buf.limit((int) Math.min(CHUNK, left));
                int n = ch.read(buf, pos);
                if (n < 0) {
                    break;
                }
                out.write(buf.array(), 0, n);
                pos += n;
                left -= n;
            }
        }
    }
}
