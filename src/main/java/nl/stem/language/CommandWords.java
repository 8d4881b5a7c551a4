package nl.stem.language;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words each language uses for Stem's commands (stop, pause, start, ...), from the
 * {@code words.<command>} lists of Stem's own texts, and a check that a text names its own
 * language's words. A Tigrinya text that says "send «stop»" tells someone to type an English
 * word: the English words are understood in every language, but people who read little are
 * told to type something they may not be able to type. The check flags a quoted word that is a
 * command word of some language but not of the text's own.
 * <p>
 * A language's list holds its own words only; English is understood everywhere by the engine
 * (Keywords), so a list that repeats the English words would make every English word "its own".
 */
public final class CommandWords {
    /** The commands a respondent may be told to send, by their {@code words.*} key. */
    public static final List<String> COMMANDS = List.of("words.stop", "words.pause", "words.language", "words.help",
            "words.skip", "words.delete", "words.start", "words.mydata", "words.audio");

    /** A quoted phrase of at most 40 characters, in the quotation marks Stem's languages use. */
    private static final Pattern QUOTED = Pattern.compile("[“«„\"‹「]([^“”«»„\"‹›「」\\n]{1,40})[”»“\"›」]");

    private static final CommandWords NONE = new CommandWords(Map.of());

    /** Folded words per language, as written in that language's lists. */
    private final Map<String, Set<String>> byLanguage;
    /** Every folded command word of every language, with one written form for messages. */
    private final Set<String> all;

    private CommandWords(Map<String, Set<String>> byLanguage) {
        this.byLanguage = byLanguage;
        Set<String> every = new LinkedHashSet<>();
        byLanguage.values().forEach(every::addAll);
        this.all = Set.copyOf(every);
    }

    /** No words known: {@link #misnamed} finds nothing (a loader without Stem's texts). */
    public static CommandWords none() {
        return NONE;
    }

    /**
     * From Stem's texts per language ({@code language -> key -> text}); only the command lists are read.
     * Example: {@code of(Map.of("ar", Map.of("words.stop", "/stop|توقف")))}.
     */
    public static CommandWords of(Map<String, Map<String, String>> uiTexts) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        uiTexts.forEach((lang, texts) -> {
            Set<String> words = new LinkedHashSet<>();
            for (String key : COMMANDS) {
                String list = texts.get(key);
                if (list == null) {
                    continue;
                }
                for (String w : list.split("\\|")) {
                    String f = TextFold.fold(w);
                    if (!f.isEmpty() && !f.startsWith("/") && !f.equals("?")) {
                        words.add(f);
                    }
                }
            }
            out.put(lang, Set.copyOf(words));
        });
        return new CommandWords(Map.copyOf(out));
    }

    /** Whether Stem has command words for the language. */
    public boolean knows(String language) {
        return byLanguage.containsKey(language);
    }

    /**
     * The quoted words in {@code text} that are command words in some language but not in
     * {@code language}: what the text tells people to send that Stem's lists for that language do
     * not hold. Empty for a language Stem has no lists for (nothing to compare with).
     * Example: {@code misnamed("ti", "… «start» ስደዱ")} is {@code ["start"]}; {@code misnamed("ti", "… «ጀምር» ስደዱ")} is empty.
     */
    public List<String> misnamed(String language, String text) {
        Set<String> own = byLanguage.get(language);
        if (own == null || text == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Matcher m = QUOTED.matcher(text);
        while (m.find()) {
            String quoted = m.group(1).strip();
            String f = TextFold.fold(quoted);
            if (all.contains(f) && !own.contains(f)) {
                out.add(quoted);
            }
        }
        return out;
    }
}
