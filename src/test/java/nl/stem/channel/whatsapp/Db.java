package nl.stem.channel.whatsapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/** Small JDBC helpers for assertions. */
final class Db {
    private Db() {
    }

    static long count(DataSource db, String sql, Object... args) throws SQLException {
        return Long.parseLong(String.valueOf(value(db, sql, args)));
    }

    static Object value(DataSource db, String sql, Object... args) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            String verb = sql.stripLeading().toLowerCase();
            if (!verb.startsWith("select") && !verb.startsWith("with")) {
                return ps.executeUpdate();
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }

    static int update(DataSource db, String sql, Object... args) throws SQLException {
        return (Integer) value(db, sql, args);
    }
}
