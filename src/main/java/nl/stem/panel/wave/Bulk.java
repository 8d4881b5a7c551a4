package nl.stem.panel.wave;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Set-based inserts: each column goes as one {@code text[]} parameter to an
 * {@code insert ... select ... from unnest(?::text[], ...)} statement, in chunks, so a wave of
 * 100,000 members costs a few dozen round trips instead of 300,000.
 */
final class Bulk {
    static final int CHUNK = 5000;

    private Bulk() {
    }

    /** {@code n} text-array parameters for {@code unnest(...)}: {@code cast(? as text[]), ...}. */
    static String params(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "cast(? as text[])"));
    }

    /**
     * Runs {@code sql} (its {@code ?}s are the columns, in order) for {@code rows} in chunks and
     * returns what its {@code returning} clause gives (first column, as text), in no particular order.
     */
    static <T> List<String> insert(Connection c, String sql, List<T> rows, List<Function<T, Object>> columns) throws SQLException {
        List<String> returned = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<T> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int col = 0; col < columns.size(); col++) {
                    String[] values = new String[chunk.size()];
                    for (int i = 0; i < chunk.size(); i++) {
                        Object v = columns.get(col).apply(chunk.get(i));
                        values[i] = v == null ? null : v.toString();
                    }
                    Array array = c.createArrayOf("text", values);
                    ps.setArray(col + 1, array);
                }
                if (sql.contains(" returning ")) {
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            returned.add(rs.getString(1));
                        }
                    }
                } else {
                    ps.executeUpdate();
                }
            }
        }
        return returned;
    }
}
