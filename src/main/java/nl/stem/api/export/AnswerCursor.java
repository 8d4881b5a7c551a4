package nl.stem.api.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.api.ApiConfig;
import nl.stem.survey.model.AnswerValue;

/**
 * Streams the answers an export covers from a server-side cursor: autocommit off, forward-only,
 * a fetch size, so that PostgreSQL sends rows in batches and memory stays flat however many there are.
 */
@ApplicationScoped
public class AnswerCursor {
    /** Whether rows come in answer order (long format) or grouped by session (wide format). */
    public enum Order {
        ANSWER("a.id"),
        SESSION("s.started_at, a.session_id, a.id");

        final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    /** Called once per row; may throw IOException (the client went away). */
    @FunctionalInterface
    public interface RowHandler {
        void row(AnswerRow row) throws IOException;
    }

    @Inject
    DataSource db;
    @Inject
    ApiConfig config;
    @Inject
    ObjectMapper json;

    /** Reads every row for the filter in the order, handing each to {@code handler}; returns the count. */
    public long forEach(ExportFilter f, Order order, RowHandler handler) throws IOException {
        StringBuilder sql = new StringBuilder("""
                select a.id, r.pseudonym, a.session_id, v.survey_id, v.version, a.survey_version_id, a.question_id,
                       a.question_type, a.value::text, a.raw_text, a.language, a.channel, a.answered_at, a.ioi_tags,
                       a.media_id, s.status, s.language, s.started_at, s.completed_at,
                       m.kind, m.mime_type, m.size_bytes, m.duration_seconds, a.wave_id, s.wave_id
                from answers a
                join respondents r on r.id = a.respondent_id
                join sessions s on s.id = a.session_id
                join survey_versions v on v.id = a.survey_version_id
                left join media_objects m on m.id = a.media_id
                where a.survey_version_id = any (?)""");
        List<Object> params = new ArrayList<>();
        params.add(f.versions().stream().map(p -> p.versionId()).toArray(Long[]::new));
        f.appendConditions(sql, params);
        sql.append(" order by ").append(order.sql);
        long count = 0;
        try (Connection c = db.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL only uses a cursor (fetch size) inside a transaction
            try (PreparedStatement ps = c.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(config.exportFetchSize());
                for (int i = 0; i < params.size(); i++) {
                    Object p = params.get(i);
                    if (p instanceof Long[] ids) {
                        ps.setArray(i + 1, c.createArrayOf("bigint", ids));
                    } else {
                        ps.setObject(i + 1, p);
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        handler.row(read(rs));
                        count++;
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Export query failed", e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return count;
    }

    private AnswerRow read(ResultSet rs) throws SQLException {
        AnswerValue value;
        try {
            value = json.readValue(rs.getString(9), AnswerValue.class);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable answer value in answer " + rs.getLong(1), e);
        }
        Array tags = rs.getArray(14);
        List<String> ioi = tags == null ? List.of() : Arrays.asList((String[]) tags.getArray());
        return new AnswerRow(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4), rs.getInt(5),
                rs.getLong(6), rs.getString(7), rs.getString(8), value, rs.getString(10), rs.getString(11),
                rs.getString(12), instant(rs, 13), ioi, rs.getObject(15, UUID.class), rs.getString(16), rs.getString(17),
                instant(rs, 18), instant(rs, 19), rs.getString(20), rs.getString(21), (Long) rs.getObject(22),
                (Integer) rs.getObject(23), (Long) rs.getObject(24), (Long) rs.getObject(25));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
