package nl.stem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Only a table's store writes that table's SQL: a plain scan of the main sources for
 * {@code insert into}, {@code update} and {@code delete from} naming an owned table, beside the
 * ArchUnit rules (SQL is text, which bytecode rules do not read). A per-sender daily limit, say,
 * then has one place to go. Data protection is the exception by design: erasure and retention
 * delete across tables, and say so.
 */
class TableOwnersTest {
    static final Path MAIN = Path.of("src/main/java");

    /** Each owned table and the one file that writes it. */
    static final Map<String, String> OWNERS = Map.of(
            "outbox", "nl/stem/outbox/OutboxStore.java",
            "channel_identities", "nl/stem/identity/IdentityStore.java",
            "waves", "nl/stem/panel/wave/WaveStore.java",
            "wave_members", "nl/stem/panel/wave/WaveStore.java",
            "panel_contacts", "nl/stem/panel/wave/WaveStore.java",
            "cluster_tasks", "nl/stem/worker/ClusterTasks.java",
            "send_buckets", "nl/stem/outbox/SendBuckets.java",
            "prompt_audio", "nl/stem/media/prompt/PromptStore.java");

    /**
     * Data protection deletes across tables by design, each in one statement or transaction: the right
     * to erasure (one respondent from every table) and the retention schedule (expired identities,
     * message texts and media, docs/data-protection.md).
     */
    static final Set<String> ERASURE = Set.of("nl/stem/panel/member/Erasure.java", "nl/stem/privacy/Retention.java");

    static final Pattern WRITE = Pattern.compile("\\b(insert\\s+into|update|delete\\s+from)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

    /** Where {@code source} (a file's text, named {@code file}) writes a table it does not own, as "file: statement table". */
    static List<String> violations(String file, String source) {
        List<String> out = new ArrayList<>();
        Matcher m = WRITE.matcher(source);
        while (m.find()) {
            String table = m.group(2).toLowerCase();
            String owner = OWNERS.get(table);
            if (owner != null && !owner.equals(file) && !ERASURE.contains(file)) {
                out.add(file + ": " + m.group(1).toLowerCase().replaceAll("\\s+", " ") + " " + table + " (owned by " + owner + ")");
            }
        }
        return out;
    }

    @Test
    void onlyTheOwningStoreWritesATable() throws IOException {
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> s = Files.walk(MAIN)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                files++;
                String name = MAIN.relativize(f).toString().replace('\\', '/');
                violations.addAll(violations(name, Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
        assertTrue(files > 200, "scanned too few files: " + files);
        assertEquals(List.of(), violations);
    }

    @Test
    void scan_whenAnotherClassInsertsIntoOutbox_reportsIt() {
        String src = "class A { String q = \"\"\"\n    INSERT INTO outbox (channel) values (?)\"\"\"; }";
        assertEquals(List.of("nl/stem/panel/A.java: insert into outbox (owned by nl/stem/outbox/OutboxStore.java)"),
                violations("nl/stem/panel/A.java", src));
    }

    @Test
    void scan_whenTheOwnerWritesOrAnotherClassReads_acceptsIt() {
        assertEquals(List.of(), violations("nl/stem/outbox/OutboxStore.java", "\"update outbox set status = 'sent'\""));
        assertEquals(List.of(), violations("nl/stem/panel/A.java", "\"select 1 from outbox o join waves w on true\""));
    }
}
