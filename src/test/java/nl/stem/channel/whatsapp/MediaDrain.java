package nl.stem.channel.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import nl.stem.media.MediaFetcher;
import nl.stem.media.MediaObject;
import nl.stem.media.MediaStore;

/**
 * Stand-in for the generic MediaWorker (not in this branch yet): fetches each pending WhatsApp media
 * object once with the fetcher, stores it through {@link MediaStore#put} and marks it stored, or
 * unavailable on a permanent failure (attempts + 1 on a retryable one). No type or size policy
 * beyond the store's limit: swap in the real worker when merging.
 */
final class MediaDrain {
    private MediaDrain() {
    }

    static List<UUID> drain(DataSource db, MediaFetcher fetcher, MediaStore store, long maxBytes) throws SQLException {
        List<UUID> stored = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            List<MediaObject> pending = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id, provider_ref, mime_type, kind, respondent_id from media_objects "
                    + "where channel = ? and status = 'pending' order by created_at")) {
                ps.setString(1, fetcher.channel());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        MediaObject m = new MediaObject();
                        m.id = (UUID) rs.getObject(1);
                        m.providerRef = rs.getString(2);
                        m.mimeType = rs.getString(3);
                        m.kind = rs.getString(4);
                        m.respondentId = (UUID) rs.getObject(5);
                        m.channel = fetcher.channel();
                        m.status = MediaObject.PENDING;
                        pending.add(m);
                    }
                }
            }
            for (MediaObject m : pending) {
                try {
                    MediaFetcher.Download d = fetcher.open(m);
                    MediaStore.Stored s;
                    try (InputStream in = d.content()) {
                        s = store.put(in, maxBytes);
                    }
                    update(c, "update media_objects set status = 'stored', sha256 = ?, size_bytes = ?, mime_type = coalesce(?, mime_type), "
                            + "stored_at = ?, attempts = attempts + 1 where id = ?", s.sha256(), s.sizeBytes(), d.contentType(),
                            Timestamp.from(Instant.now()), m.id);
                    stored.add(m.id);
                } catch (MediaFetcher.MediaFetchException e) {
                    if (e.permanent()) {
                        update(c, "update media_objects set status = 'unavailable', last_error = ?, attempts = attempts + 1 where id = ?", e.getMessage(), m.id);
                    } else {
                        update(c, "update media_objects set last_error = ?, attempts = attempts + 1 where id = ?", e.getMessage(), m.id);
                    }
                } catch (IOException e) {
                    update(c, "update media_objects set last_error = ?, attempts = attempts + 1 where id = ?", String.valueOf(e.getMessage()), m.id);
                }
            }
        }
        return stored;
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
