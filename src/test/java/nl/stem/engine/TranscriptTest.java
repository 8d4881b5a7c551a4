package nl.stem.engine;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Runs every golden transcript in src/test/resources/transcripts and compares the engine's output
 * with the file. {@code -Dstem.regenerate=true} rewrites the files instead (review the diff!).
 */
class TranscriptTest {
    private static final Path DIR = Path.of("src/test/resources/transcripts");

    @TestFactory
    Stream<DynamicTest> transcript_whenReplayed_matchesGoldenFile() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no transcripts in " + DIR);
        boolean regenerate = Boolean.getBoolean("stem.regenerate");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String content = Files.readString(f, StandardCharsets.UTF_8);
            String actual = Transcript.run(content);
            if (regenerate) {
                Files.writeString(f, actual, StandardCharsets.UTF_8);
            } else {
                assertEquals(content, actual, f + " differs; rerun with -Dstem.regenerate=true and review the diff");
            }
        }));
    }
}
