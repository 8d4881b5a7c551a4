package nl.stem.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** One catalogue of error codes: every code thrown is in it, once, and docs/api.md lists them all. */
class ErrorCatalogueTest {
    /** A status and a code spelled at a throw site instead of an ErrorCode. */
    private static final Pattern INLINE = Pattern.compile(
            "(new StemException|super|new (?:nl\\.stem\\.api\\.)?Problem)\\(\\s*\\d{3},\\s*\"([a-z0-9_]+)\"");
    /** web/WebGuards answers before the API layer, with the codes spelled (it may not import api). */
    private static final Pattern GUARD = Pattern.compile("problem\\([^,]+,\\s*\\d{3},\\s*\"([a-z0-9_]+)\"");

    @Test
    void everyCodeAndAlias_isSpelledOnce() {
        Set<String> seen = new HashSet<>();
        for (ErrorCode c : ErrorCode.values()) {
            assertTrue(seen.add(c.code()), "twice: " + c.code());
            assertEquals(c.name().toLowerCase(), c.code(), "the constant is named after its code");
            for (String a : c.aliases()) {
                assertTrue(seen.add(a), "twice: " + a);
            }
        }
    }

    @Test
    void mainSources_throwOnlyCataloguedCodes() throws IOException {
        List<String> inline = new ArrayList<>();
        Set<String> guards = new TreeSet<>();
        try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String src = Files.readString(f, StandardCharsets.UTF_8);
                Matcher m = INLINE.matcher(src);
                while (m.find()) {
                    inline.add(f + ": " + m.group(2));
                }
                Matcher g = GUARD.matcher(src);
                while (g.find()) {
                    guards.add(g.group(1));
                }
            }
        }
        assertEquals(List.of(), inline, "throw with an ErrorCode, not a status and a spelled code");
        for (String code : guards) {
            ErrorCode.of(code);
        }
        assertTrue(guards.contains("malformed_url"), guards.toString());
    }

    @Test
    void apiDocs_listEveryCodeAndAlias() throws IOException {
        String docs = Files.readString(Path.of("docs/api.md"), StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (ErrorCode c : ErrorCode.values()) {
            if (!docs.contains("| `" + c.code() + "` |")) {
                missing.add(c.code());
            }
            for (String a : c.aliases()) {
                if (!docs.contains("`" + a + "`")) {
                    missing.add(a);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void alias_answersTheOldSpelling_andOnlyADeclaredOne() {
        StemException e = StemException.alias(ErrorCode.WAVE_NOT_FOUND, "unknown_wave", 404, "No wave 7");
        assertEquals("unknown_wave", e.code());
        assertEquals(404, e.status());
        assertThrows(IllegalArgumentException.class, () -> StemException.alias(ErrorCode.WAVE_NOT_FOUND, "no_wave", 404, "x"));
        assertEquals(ErrorCode.BAD_LANGUAGE, ErrorCode.of("bad_language"));
        assertThrows(IllegalArgumentException.class, () -> ErrorCode.of("bad_nothing"));
    }
}
