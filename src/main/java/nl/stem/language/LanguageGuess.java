package nl.stem.language;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A guess at a newcomer's language from what a channel without a language setting (WhatsApp) tells
 * Stem: the country of their number and the script of what they wrote. It only preselects: the
 * language menu shows the guess first and every language in its own name, and one tap changes it.
 * <ul>
 * <li>The country gives its most likely language (ICU's likely subtags: SY -> ar, IR -> fa, ER -> ti,
 * UA -> uk, TR -> tr, SO -> so, ET -> am), plus the few other languages many people from there
 * speak ({@link #ALSO_SPOKEN}: AF -> ps, ET -> ti, IQ -> ckb, ...).</li>
 * <li>The script of the text narrows or widens that: Arabic script means ar, fa, ps, ckb or prs;
 * Ethiopic ti or am; Cyrillic uk or ru. Letters only one of them has reorder the group (Persian
 * پ چ ژ گ, Pashto ټ ډ ښ, Sorani ڕ ڵ ۆ, Arabic ة ى, Ukrainian і ї є ґ, Russian ы э ъ ё), and so does a
 * greeting that is everyday in one language but not in the others ({@link #GREETINGS}: "سلام"
 * alone is how Farsi, Dari and Pashto speakers say hello, Arabic speakers write "مرحبا" or
 * "السلام عليكم").</li>
 * <li>Combined: languages the letters point to come first, then the country's languages written in
 * that script, then those a greeting points to, the script's others and the country's others. Latin script keeps the country's guess and adds English
 * (SY + "hello" -> ar, en), since a Latin text from a country of another script is most often the
 * English of a phone without the right keyboard.</li>
 * </ul>
 * What cannot be read gives no guess from that part and never an error: an unknown country, no
 * letters (emoji, digits), or letters of several scripts.
 */
public final class LanguageGuess {
    /** Languages written in a script, most speakers among newcomers first. */
    private static final Map<Integer, List<String>> BY_SCRIPT = Map.of(
            UScript.ARABIC, List.of("ar", "fa", "ps", "ckb", "prs"),
            UScript.ETHIOPIC, List.of("ti", "am"),
            UScript.CYRILLIC, List.of("uk", "ru"));

    /** Other languages widely spoken in a country, after its most likely one. */
    static final Map<String, List<String>> ALSO_SPOKEN = Map.of(
            "AF", List.of("ps", "prs"),
            "ET", List.of("ti", "om"),
            "ER", List.of("ar"),
            "IQ", List.of("ckb"),
            "SO", List.of("ar"),
            "UA", List.of("ru"));

    /** Letters that only some languages of a script use, and those languages, most likely first. */
    private static final Map<Integer, List<String>> DISTINCT_LETTERS = distinctLetters();

    /**
     * First words that are the everyday greeting in some languages of their script and not in the
     * others, folded ({@link TextFold}). Only reorders languages the script already allows.
     */
    static final Map<String, List<String>> GREETINGS = Map.ofEntries(
            Map.entry(TextFold.fold("سلام"), List.of("fa", "prs", "ps")),
            Map.entry(TextFold.fold("درود"), List.of("fa", "prs")),
            Map.entry(TextFold.fold("مرحبا"), List.of("ar")),
            Map.entry(TextFold.fold("اهلا"), List.of("ar")),
            Map.entry(TextFold.fold("السلام عليكم"), List.of("ar")),
            Map.entry(TextFold.fold("Привіт"), List.of("uk")),
            Map.entry(TextFold.fold("Вітаю"), List.of("uk")),
            Map.entry(TextFold.fold("Привет"), List.of("ru")),
            Map.entry(TextFold.fold("Здравствуйте"), List.of("ru")),
            Map.entry(TextFold.fold("merhaba"), List.of("tr")),
            Map.entry(TextFold.fold("selam"), List.of("tr")),
            Map.entry(TextFold.fold("hallo"), List.of("nl")),
            Map.entry(TextFold.fold("hoi"), List.of("nl")),
            Map.entry(TextFold.fold("goedemorgen"), List.of("nl")),
            Map.entry(TextFold.fold("goedemiddag"), List.of("nl")),
            Map.entry(TextFold.fold("hello"), List.of("en")),
            Map.entry(TextFold.fold("hi"), List.of("en")));

    private static final String ENGLISH = "en";

    private LanguageGuess() {
    }

    /**
     * The likely languages, most likely first, as BCP 47 tags; empty when neither part tells anything.
     * Examples: {@code guess("SY", "مرحبا") -> [ar, fa, ps, ckb, prs]};
     * {@code guess("NL", "سلام") -> [fa, prs, ps, ar, ckb, nl]}; {@code guess("SY", "hello") -> [ar, en]};
     * {@code guess(null, "👍") -> []}.
     *
     * @param region the number's country (ISO 3166 alpha-2), or null when unknown
     * @param text   the newcomer's text, or null when they sent none
     */
    public static List<String> guess(String region, String text) {
        List<String> country = byCountry(region);
        int script = script(text);
        Set<String> out = new LinkedHashSet<>();
        if (script == UScript.INVALID_CODE) {
            out.addAll(country);
        } else if (script == UScript.LATIN) {
            out.addAll(country);
            out.addAll(greeted(text, List.of()));
            out.add(ENGLISH);
        } else {
            List<String> written = byScript(script);
            // Letters only some languages have outweigh the country; the country outweighs a greeting.
            out.addAll(lettered(text, written));
            country.stream().filter(written::contains).forEach(out::add);
            out.addAll(greeted(text, written));
            out.addAll(written);
            out.addAll(country);
        }
        return List.copyOf(out);
    }

    /** The guess as one hint: a comma-separated list, most likely first ({@code "fa,prs,ps,ar"}), or null. */
    public static String hint(String region, String text) {
        List<String> g = guess(region, text);
        return g.isEmpty() ? null : String.join(",", g);
    }

    /** The country's languages: its most likely one, then the others many speak there. */
    static List<String> byCountry(String region) {
        if (region == null || !region.matches("[A-Za-z]{2}")) {
            return List.of();
        }
        String r = region.toUpperCase(Locale.ROOT);
        ULocale likely = ULocale.addLikelySubtags(new ULocale("und", r));
        List<String> out = new ArrayList<>();
        // ICU answers every unknown region with en-US: only a guess for the region asked counts.
        if (r.equals(likely.getCountry()) && !likely.getLanguage().isEmpty()) {
            out.add(likely.getLanguage());
        }
        for (String tag : ALSO_SPOKEN.getOrDefault(r, List.of())) {
            if (!out.contains(tag)) {
                out.add(tag);
            }
        }
        return out;
    }

    /** The languages written in a script, most speakers among newcomers first. */
    static List<String> byScript(int script) {
        List<String> known = BY_SCRIPT.get(script);
        if (known != null) {
            return known;
        }
        ULocale likely = ULocale.addLikelySubtags(new ULocale("und_" + UScript.getShortName(script)));
        return likely.getLanguage().isEmpty() ? List.of() : List.of(likely.getLanguage());
    }

    /** The languages among {@code allowed} that the text's distinct letters point to, most likely first. */
    private static List<String> lettered(String text, List<String> allowed) {
        Set<String> out = new LinkedHashSet<>();
        text.codePoints().forEach(cp -> {
            for (String tag : DISTINCT_LETTERS.getOrDefault(cp, List.of())) {
                if (allowed.contains(tag)) {
                    out.add(tag);
                }
            }
        });
        return List.copyOf(out);
    }

    /** The languages a greeting points to (restricted to {@code allowed} unless that is empty). */
    private static List<String> greeted(String text, List<String> allowed) {
        List<String> g = GREETINGS.getOrDefault(TextFold.fold(text), List.of());
        return allowed.isEmpty() ? g : g.stream().filter(allowed::contains).toList();
    }

    /**
     * The one script of the letters in {@code text}, or {@link UScript#INVALID_CODE} when there are
     * none (emoji, digits, punctuation) or letters of more than one script ("hello سلام").
     */
    static int script(String text) {
        if (text == null) {
            return UScript.INVALID_CODE;
        }
        int found = UScript.INVALID_CODE;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            int s = UScript.getScript(cp);
            if (s == UScript.COMMON || s == UScript.INHERITED || s == UScript.UNKNOWN) {
                continue;
            }
            if (found != UScript.INVALID_CODE && found != s) {
                return UScript.INVALID_CODE;
            }
            found = s;
        }
        return found;
    }

    private static Map<Integer, List<String>> distinctLetters() {
        Map<Integer, List<String>> m = new java.util.HashMap<>();
        List<String> persian = List.of("fa", "prs", "ps", "ckb");
        for (int cp : new int[] {0x067E, 0x0686, 0x0698, 0x06AF, 0x06CC, 0x06A9}) { // پ چ ژ گ ی ک
            m.put(cp, persian);
        }
        for (int cp : new int[] {0x067C, 0x0689, 0x0693, 0x0696, 0x069A, 0x06AB, 0x06BC, 0x06CD, 0x06D0}) { // ټ ډ ړ ږ ښ ګ ڼ ۍ ې
            m.put(cp, List.of("ps"));
        }
        for (int cp : new int[] {0x0695, 0x06B5, 0x06C6, 0x06CE, 0x06D5}) { // ڕ ڵ ۆ ێ ە
            m.put(cp, List.of("ckb"));
        }
        for (int cp : new int[] {0x0629, 0x0649}) { // ة ى
            m.put(cp, List.of("ar"));
        }
        for (int cp : new int[] {0x0456, 0x0457, 0x0454, 0x0491, 0x0406, 0x0407, 0x0404, 0x0490}) { // і ї є ґ
            m.put(cp, List.of("uk"));
        }
        for (int cp : new int[] {0x044B, 0x044D, 0x044A, 0x0451, 0x042B, 0x042D, 0x042A, 0x0401}) { // ы э ъ ё
            m.put(cp, List.of("ru"));
        }
        return Map.copyOf(m);
    }
}
