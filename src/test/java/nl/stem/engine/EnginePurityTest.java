package nl.stem.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine, the survey model, the language helpers and the XLSForm import and export stay pure: no framework, database or HTTP,
 * no clock, no randomness. That is what makes the engine deterministic and its transcripts golden.
 */
class EnginePurityTest {
    private static final List<Path> PURE = List.of(
            Path.of("src/main/java/nl/stem/engine"),
            Path.of("src/main/java/nl/stem/survey/model"),
            Path.of("src/main/java/nl/stem/language"),
            Path.of("src/main/java/nl/stem/survey/xlsform"));

    @Test
    void purePackages_whenScanned_haveNoFrameworkClockOrRandomness() throws IOException {
        List<String> violations = new ArrayList<>();
        int files = 0;
        for (Path dir : PURE) {
            assertTrue(Files.isDirectory(dir), dir + " missing");
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    files++;
                    violations.addAll(PurityScanner.violations(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
                }
            }
        }
        assertTrue(files > 20, "scanned too few files: " + files);
        assertEquals(List.of(), violations);
    }

    @Test
    void scanner_whenFrameworkImport_reportsIt() {
        String src = "package x;\nimport jakarta.inject.Inject;\nimport io.quarkus.runtime.Startup;\nclass A {}\n";
        List<String> v = PurityScanner.violations("A.java", src);
        assertEquals(List.of("A.java:2: uses jakarta.", "A.java:3: uses io.quarkus"), v);
    }

    @Test
    void scanner_whenClockOrRandomCalled_reportsIt() {
        String src = "class A {\n  Object t = java.time.Instant.now();\n  long n = System.nanoTime();\n"
                + "  Object r = new Random();\n  Object u = UUID.randomUUID();\n  Object c = Clock.systemUTC();\n}\n";
        List<String> v = PurityScanner.violations("A.java", src);
        assertEquals(5, v.size(), v.toString());
        assertTrue(v.get(0).startsWith("A.java:2: calls Instant.now"), v.get(0));
    }

    @Test
    void scanner_whenOnlyInComments_ignoresIt() {
        String src = "class A {\n  // never call Instant.now() here\n  /* import jakarta.inject.Inject; */\n}\n";
        assertFalse(!PurityScanner.violations("A.java", src).isEmpty());
    }

    @Test
    void scanner_whenInstantPassedIn_acceptsIt() {
        String src = "import java.time.Instant;\nclass A { Instant now; Instant at(Instant now) { return now; } }\n";
        assertEquals(List.of(), PurityScanner.violations("A.java", src));
    }
}
