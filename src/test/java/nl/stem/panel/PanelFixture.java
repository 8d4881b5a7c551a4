package nl.stem.panel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

/**
 * Panel members written straight into the database (the CSV import has its own tests), with ids
 * unique to the run so test classes sharing one database never meet.
 */
public final class PanelFixture {
    private final DataSource db;
    public final String prefix = "t" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);

    public PanelFixture(DataSource db) {
        this.db = db;
    }

    /** A member id unique to this fixture. */
    public String id(String name) {
        return prefix + "-" + name;
    }

    /**
     * Enrols member {@code name} on {@code channel} with identity {@code providerId} (null: a Telegram
     * member whose link is pending), language, time zone (null: default) and attributes as JSON.
     */
    public UUID member(String name, String channel, String providerId, String language, String timeZone, String attributes)
            throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection()) {
            update(c, "insert into respondents (id, pseudonym, preferred_language, status, created_at, member_id, channel, attributes, "
                            + "time_zone, enrolled_at) values (?, ?, ?, 'active', now(), ?, ?, cast(? as jsonb), ?, now())",
                    id, "R" + id.toString().substring(0, 12), language, id(name), channel, attributes == null ? "{}" : attributes, timeZone);
            if (providerId != null) {
                update(c, "insert into channel_identities (respondent_id, channel, provider_id) values (?, ?, ?)", id, channel, providerId);
            }
        }
        return id;
    }

    public void update(String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection()) {
            update(c, sql, params);
        }
    }

    /** The rows of a query, each as an array of its columns. */
    public List<Object[]> rows(String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            List<Object[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1) instanceof java.sql.Timestamp
                                ? rs.getObject(i + 1, OffsetDateTime.class).toInstant() : rs.getObject(i + 1);
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }

    /** The single value of a query (null when it gives no row). */
    public Object value(String sql, Object... params) throws SQLException {
        List<Object[]> rows = rows(sql, params);
        return rows.isEmpty() ? null : rows.get(0)[0];
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            ps.setObject(i + 1, p instanceof java.time.Instant t ? OffsetDateTime.ofInstant(t, java.time.ZoneOffset.UTC) : p);
        }
    }
}
