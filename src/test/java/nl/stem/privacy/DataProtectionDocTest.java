package nl.stem.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * docs/data-protection.md lists exactly the tables of the migrated schema: a new table must be
 * documented (what it holds, whether personal, legal basis, how long) before the build passes, and a
 * dropped one leaves the note.
 */
@QuarkusTest
class DataProtectionDocTest {
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z_0-9]+)` \\|");

    @Inject
    DataSource db;

    @Test
    void note_listsEveryTableOfTheSchema_andNoOther() throws Exception {
        String doc = Files.readString(Path.of("docs/data-protection.md"), StandardCharsets.UTF_8);
        String section = doc.substring(doc.indexOf("## What is stored where"), doc.indexOf("## The retention schedule"));
        TreeSet<String> documented = new TreeSet<>();
        Matcher m = ROW.matcher(section);
        while (m.find()) {
            documented.add(m.group(1));
        }
        TreeSet<String> schema = new TreeSet<>();
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")) {
            while (rs.next()) {
                schema.add(rs.getString(1));
            }
        }
        TreeSet<String> missing = new TreeSet<>(schema);
        missing.removeAll(documented);
        TreeSet<String> extra = new TreeSet<>(documented);
        extra.removeAll(schema);
        assertEquals(List.of(), List.copyOf(missing), "tables in the schema but not in docs/data-protection.md");
        assertEquals(List.of(), List.copyOf(extra), "tables in docs/data-protection.md but not in the schema");
    }
}
