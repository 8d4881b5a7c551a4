package nl.stem.engine;

import com.ibm.icu.text.MessageFormat;
import nl.stem.translation.PoFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The English source catalogue (what translators work from) covers every key the engine uses, and each text is valid ICU. */
class UiCatalogTest {
    private static final Pattern KEY = Pattern.compile(
            "\"((?:reprompt|notice|language|consent|button|choice|multiple|optional|scale|delete|words)\\.[a-z_]+)\"");

    @Test
    void englishCatalogue_whenEngineSourcesScanned_hasEveryKeyUsed() throws IOException {
        Map<String, String> en = PoFile.read(Path.of("translations/_stem/en.po")).texts();
        TreeSet<String> used = new TreeSet<>();
        try (Stream<Path> s = Files.walk(Path.of("src/main/java/nl/stem/engine"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        // Built from the media kind and the command name at run time.
        used.addAll(List.of("reprompt.audio", "reprompt.video", "reprompt.image"));
        for (Command c : Command.values()) {
            used.add("words." + c.word);
        }
        List<String> missing = new ArrayList<>(used);
        missing.removeAll(en.keySet());
        assertEquals(List.of(), missing);
    }

    @Test
    void englishCatalogue_whenParsed_isCleanAndEveryPatternIsValidIcu() throws IOException {
        PoFile po = PoFile.read(Path.of("translations/_stem/en.po"));
        assertEquals(List.of(), po.problems());
        assertEquals("en", po.header().get("Language"));
        List<String> broken = new ArrayList<>();
        po.texts().forEach((k, v) -> {
            if (!k.startsWith("words.")) {
                try {
                    new MessageFormat(v);
                } catch (IllegalArgumentException e) {
                    broken.add(k + ": " + e.getMessage());
                }
            }
        });
        assertEquals(List.of(), broken);
    }

    @Test
    void everyTranslation_whenCompared_hasExactlyTheEnglishKeysAndValidIcu() throws IOException {
        Map<String, String> en = PoFile.read(Path.of("translations/_stem/en.po")).texts();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("translations/_stem"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".po")).sorted().toList()) {
                String lang = f.getFileName().toString().replace(".po", "");
                PoFile po = PoFile.read(f);
                po.problems().forEach(p -> problems.add(f + ":" + p.line() + " " + p.message()));
                Map<String, String> texts = po.texts();
                en.keySet().stream().filter(k -> !texts.containsKey(k)).forEach(k -> problems.add(lang + " lacks " + k));
                texts.keySet().stream().filter(k -> !en.containsKey(k)).forEach(k -> problems.add(lang + " has extra " + k));
                texts.forEach((k, v) -> {
                    if (!k.startsWith("words.")) {
                        try {
                            new MessageFormat(v, new com.ibm.icu.util.ULocale(lang));
                        } catch (IllegalArgumentException e) {
                            problems.add(lang + " " + k + ": " + e.getMessage());
                        }
                    }
                });
            }
        }
        assertEquals(List.of(), problems);
    }
}
