package nl.stem.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A newcomer's first minute on a channel, per shipped language: the words they write first, the
 * refusal they type loosely, and the golden transcript of what they saw, kept in
 * {@code src/test/resources/first-minute/<channel>/<language>.txt}. Run with
 * {@code -Dfirst-minute.regenerate=true} (not {@code stem.*}: Quarkus refuses unknown keys of its own prefix) to rewrite the files, then review the diff.
 */
public final class FirstMinute {
    /** The languages Stem ships (translations/_stem). */
    public static final List<String> SHIPPED = List.of("ar", "ckb", "en", "fa", "fr", "kmr", "nl", "prs", "ps", "ru", "so", "ti", "tr", "uk");

    /**
     * The languages WhatsApp's guess (number and script, {@code LanguageGuess}) puts first for a
     * stranger: a Dari or Pashto speaker writing "سلام" from Afghanistan gets Farsi first, one tap
     * away from their own, so their first minute is not the same shape.
     */
    public static final List<String> GUESSED_FIRST_ON_WHATSAPP = List.of("ar", "en", "fa", "nl", "ti", "tr", "uk");

    /** A stranger's first message, in the language's own script. */
    public static final Map<String, String> FIRST_WORDS = Map.ofEntries(
            Map.entry("ar", "مرحبا"), Map.entry("en", "Hello"), Map.entry("fa", "سلام"), Map.entry("nl", "Hallo"),
            Map.entry("ti", "ሰላም"), Map.entry("tr", "Merhaba"), Map.entry("uk", "Привіт"), Map.entry("prs", "سلام"),
            Map.entry("ps", "سلام"), Map.entry("ckb", "سڵاو"), Map.entry("kmr", "Silav"), Map.entry("so", "Salaan"),
            Map.entry("ru", "Привет"), Map.entry("fr", "Bonjour"));

    /**
     * "No" as people type it: Egyptian "لأ" with its hamza, Farsi with a full stop, Ukrainian in
     * small letters, Turkish without the dotless ı, shouted English, Dutch as is, Tigrinya padded.
     */
    public static final Map<String, String> LOOSE_NO = Map.ofEntries(
            Map.entry("ar", "لأ"), Map.entry("en", "NO!"), Map.entry("fa", "نه."), Map.entry("nl", "nee"), Map.entry("ti", " ኣይፋል "),
            Map.entry("tr", "hayir"), Map.entry("uk", "ні"), Map.entry("prs", "نخير"), Map.entry("ps", "نه!"), Map.entry("ckb", "نەخێر"),
            Map.entry("kmr", "NA"), Map.entry("so", "Maya"), Map.entry("ru", "нет"), Map.entry("fr", "Non."));

    private static final boolean REGENERATE = Boolean.getBoolean("first-minute.regenerate");

    private final StringBuilder transcript = new StringBuilder();

    public FirstMinute(String channel, String language) {
        transcript.append("# A stranger's first minute on ").append(channel).append(" in ").append(language)
                .append(" (generated: -Dfirst-minute.regenerate=true rewrites it; FSI/PDI show as ⟨ ⟩, RLM as {rlm})\n");
    }

    /** What the newcomer did. */
    public void input(String what) {
        transcript.append("> ").append(visible(what)).append('\n');
    }

    /** A message they received: its text, then its buttons (payload and label) if any. */
    public void received(String text, List<String[]> buttons) {
        transcript.append("<\n");
        for (String line : (text == null ? "" : text).split("\n", -1)) {
            transcript.append("  | ").append(visible(line)).append('\n');
        }
        for (String[] b : buttons) {
            transcript.append("  [").append(b[0]).append("] ").append(visible(b[1])).append('\n');
        }
    }

    /** Compares with (or rewrites) the golden file. */
    public void check(String channel, String language) throws IOException {
        Path file = Path.of("src/test/resources/first-minute", channel, language + ".txt");
        String actual = transcript.toString();
        if (REGENERATE) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(file), file + " is missing: run with -Dfirst-minute.regenerate=true and review it");
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "golden transcript " + file);
    }

    private static String visible(String s) {
        return s.replace("\u2068", "⟨").replace("\u2069", "⟩").replace("\u200F", "{rlm}");
    }
}
