package nl.stem.panel.wave;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;

/**
 * PostgreSQL COPY from memory, for the rows of a large wave: CSV rows in a buffer, copied into a
 * table in one stream (100,000 rows in well under a second).
 */
final class Copy {
    private Copy() {
    }

    /** Appends one CSV row; null is an empty unquoted field (NULL to COPY), everything else is quoted. */
    static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            Object v = values[i];
            if (v != null) {
                out.append('"').append(v.toString().replace("\"", "\"\"")).append('"');
            }
        }
        out.append('\n');
    }

    /** Copies the buffered rows into {@code table} (its columns in order). */
    static long in(Connection c, String table, CharSequence rows) throws SQLException {
        try {
            return c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " from stdin with (format csv)", new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("Could not copy rows into " + table, e);
        }
    }
}
