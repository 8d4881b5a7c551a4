package nl.stem.panel.member;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

/**
 * Proves an erasure left nothing behind. Before deleting, take the respondent's {@link Traces}: their id,
 * pseudonym, member id, every channel identity (and a WhatsApp number without its {@code whatsapp:}
 * prefix), outbox recipients, session and media ids, and the hashes of their media files. After
 * deleting, {@link #find} searches every text, uuid, json(b) and array column of every table in the
 * public schema (found through information_schema, so tables added later are searched too) and walks
 * the media directory. Example:
 * <pre>
 * Leftovers.Traces traces = Leftovers.of(db, respondentId);
 * ... erase them (DELETE /api/members/{id}, or "delete my data" in a chat) ...
 * Leftovers.assertNone(db, mediaDir, traces);
 * </pre>
 * Traces should be distinctive (random ids and numbers), as they are searched as substrings.
 * A media file stays only while another respondent's media row still has its hash (content addressing).
 */
public final class Leftovers {
    private static final Set<String> SEARCHED_TYPES = Set.of("text", "character varying", "character", "uuid", "json",
            "jsonb", "ARRAY");

    /** What points to one respondent: text to look for in the database, and media file hashes. */
    public record Traces(UUID respondentId, Set<String> texts, Set<String> mediaHashes) {
    }

    private Leftovers() {
    }

    /** The respondent's traces, read before they are erased. */
    public static Traces of(DataSource db, UUID respondentId) throws SQLException {
        Set<String> texts = new LinkedHashSet<>();
        texts.add(respondentId.toString());
        try (Connection c = db.getConnection()) {
            texts.addAll(strings(c, "select pseudonym from respondents where id = ?", respondentId));
            texts.addAll(strings(c, "select member_id from respondents where id = ? and member_id is not null", respondentId));
            for (String id : strings(c, "select provider_id from channel_identities where respondent_id = ?"
                    + " union select recipient from outbox where respondent_id = ?", respondentId, respondentId)) {
                texts.add(id);
                if (id.startsWith("whatsapp:")) {
                    texts.add(id.substring("whatsapp:".length()));
                }
            }
            texts.addAll(strings(c, "select cast(id as text) from sessions where respondent_id = ?", respondentId));
            texts.addAll(strings(c, "select cast(id as text) from media_objects where respondent_id = ?", respondentId));
            Set<String> hashes = new LinkedHashSet<>(strings(c,
                    "select sha256 from media_objects where respondent_id = ? and sha256 is not null", respondentId));
            return new Traces(respondentId, texts, hashes);
        }
    }

    /** Fails listing every leftover, if any. */
    public static void assertNone(DataSource db, Path mediaDir, Traces traces) throws SQLException, IOException {
        assertEquals(List.of(), find(db, mediaDir, traces), "leftovers of respondent " + traces.respondentId());
    }

    /**
     * Every leftover: {@code "<table>.<column> has <trace>"} for a database value, {@code "file <path>"} for a
     * media file no media row refers to any more.
     */
    public static List<String> find(DataSource db, Path mediaDir, Traces traces) throws SQLException, IOException {
        List<String> found = new ArrayList<>();
        List<String> patterns = traces.texts().stream().map(Leftovers::containsPattern).toList();
        try (Connection c = db.getConnection()) {
            Array any = c.createArrayOf("text", patterns.toArray());
            for (String[] column : columns(c)) {
                String sql = "select cast(" + quote(column[1]) + " as text) from public." + quote(column[0])
                        + " where cast(" + quote(column[1]) + " as text) like any (?) limit 20";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setArray(1, any);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String value = rs.getString(1);
                            for (String trace : traces.texts()) {
                                if (value.contains(trace)) {
                                    found.add(column[0] + "." + column[1] + " has " + trace);
                                }
                            }
                        }
                    }
                }
            }
            found.addAll(files(c, mediaDir, traces.mediaHashes()));
        }
        return found;
    }

    private static List<String[]> columns(Connection c) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select c.table_name, c.column_name, c.data_type from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
                order by c.table_name, c.ordinal_position""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (SEARCHED_TYPES.contains(rs.getString(3))) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        if (columns.size() < 20) {
            throw new IllegalStateException("Expected Stem's tables in the public schema, found " + columns.size() + " columns");
        }
        return columns;
    }

    /** Media files named by one of the hashes that no media row refers to any more. */
    private static List<String> files(Connection c, Path mediaDir, Set<String> hashes) throws SQLException, IOException {
        if (hashes.isEmpty() || !Files.isDirectory(mediaDir)) {
            return List.of();
        }
        Set<String> referenced = new LinkedHashSet<>(strings(c, "select sha256 from media_objects where sha256 = any (?)",
                c.createArrayOf("text", hashes.toArray())));
        List<String> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(mediaDir)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                String name = p.getFileName().toString();
                if (hashes.contains(name) && !referenced.contains(name)) {
                    found.add("file " + p);
                }
            });
        }
        return found;
    }

    private static List<String> strings(Connection c, String sql, Object... params) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static String containsPattern(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
