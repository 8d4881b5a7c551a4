package nl.stem.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import nl.stem.translation.PoFile;

/** Texts name the command words of their own language (issue 16: "send «start»" in Tigrinya teaches an English word). */
class CommandWordsTest {
    private static final CommandWords WORDS = CommandWords.of(Map.of(
            "en", Map.of("words.stop", "stop|/stop|quit", "words.start", "start|/start"),
            "ti", Map.of("words.stop", "/stop|ደው በል", "words.start", "/start|ጀምር"),
            "nl", Map.of("words.stop", "stop|/stop|stoppen", "words.start", "start|/start")));

    @Test
    void misnamed_whenTigrinyaTextQuotesTheEnglishWord_namesTheWord() {
        assertEquals(List.of("start", "stop"), WORDS.misnamed("ti", "ንምጅማር «start» ስደዱ። ክትሳተፉ እንተዘይደሊኹም «Stop» ስደዱ።")
                .stream().map(w -> w.toLowerCase(java.util.Locale.ROOT)).toList());
    }

    @Test
    void misnamed_whenTextQuotesItsOwnWord_isEmpty() {
        assertEquals(List.of(), WORDS.misnamed("ti", "ንምጅማር «ጀምር» ስደዱ። “ደው በል” ስደዱ።"));
        assertEquals(List.of(), WORDS.misnamed("nl", "Stuur dan “stop”."), "stop is a Dutch word too");
    }

    @Test
    void misnamed_whenQuotedPhraseIsNoCommandOrLanguageUnknown_isEmpty() {
        assertEquals(List.of(), WORDS.misnamed("ti", "«{survey}» «ዘይምልከት» “1 3”"));
        assertEquals(List.of(), WORDS.misnamed("xx", "send “stop”"), "no lists for xx: nothing to compare with");
        assertEquals(List.of(), CommandWords.none().misnamed("ti", "«start»"));
    }

    @Test
    void misnamed_whenEnglishTextQuotesAnotherLanguagesWord_namesIt() {
        assertEquals(List.of("ጀምር"), WORDS.misnamed("en", "Send “ጀምር”."));
    }

    /** Every help, consent, stop and invitation text of Stem's own, in all its languages. */
    @Test
    void stemTexts_inEveryLanguage_nameTheirOwnCommandWords() throws IOException {
        Map<String, Map<String, String>> texts = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("translations/_stem"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".po")).toList()) {
                texts.put(f.getFileName().toString().replace(".po", ""), PoFile.read(f).texts());
            }
        }
        assertTrue(texts.size() >= 14, "the 14 languages: " + texts.keySet());
        CommandWords words = CommandWords.of(texts);
        List<String> wrong = new ArrayList<>();
        texts.forEach((lang, t) -> t.forEach((key, text) -> {
            if (!key.startsWith("words.")) {
                words.misnamed(lang, text).forEach(w -> wrong.add(lang + " " + key + ": “" + w + "”"));
            }
        }));
        assertEquals(List.of(), wrong);
    }
}
