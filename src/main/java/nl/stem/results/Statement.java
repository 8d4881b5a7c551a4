package nl.stem.results;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL text and its parameters written side by side, so a placeholder and its value can never drift
 * apart. Example: {@code new Statement().sql("select 1 where x = ").param(7)}. Arrays are
 * bound as PostgreSQL arrays ({@code Long[]} as bigint[], {@code String[]} as text[]).
 */
final class Statement {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    Statement sql(String text) {
        sql.append(text);
        return this;
    }

    Statement param(Object value) {
        sql.append('?');
        params.add(value instanceof Instant i ? Timestamp.from(i) : value);
        return this;
    }

    Statement append(Statement other) {
        sql.append(other.sql);
        params.addAll(other.params);
        return this;
    }

    PreparedStatement prepare(Connection c) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Long[] longs) {
                Array a = c.createArrayOf("bigint", longs);
                ps.setArray(i + 1, a);
            } else if (p instanceof String[] strings) {
                ps.setArray(i + 1, c.createArrayOf("text", strings));
            } else {
                ps.setObject(i + 1, p);
            }
        }
        return ps;
    }

    @Override
    public String toString() {
        return sql.toString();
    }
}
