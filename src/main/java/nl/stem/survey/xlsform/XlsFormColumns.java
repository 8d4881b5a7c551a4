package nl.stem.survey.xlsform;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.util.ULocale;

import nl.stem.survey.LanguageTags;

/**
 * Column headers as XLSForm writes them: {@code label}, {@code label::Arabic (ar)},
 * {@code media::audio::Tigrinya (ti)}, {@code constraint message}, {@code List Name}. Names are
 * compared in snake case (as pyxform does), the old single-colon form {@code label:English} is
 * read too, and a language is named by its code in parentheses or, without one, by its English or
 * own name ({@code Farsi}, {@code العربية}).
 */
final class XlsFormColumns {

    /**
     * One parsed header.
     *
     * @param index           1-based column
     * @param header          as written
     * @param base            the column's kind in snake case, aliases resolved ({@code label},
     *                        {@code constraint_message}, {@code media}, ...)
     * @param media           for {@code media} columns: {@code audio}, {@code image}, {@code video}, {@code big-image}
     * @param language        the language's BCP 47 tag, or null for a column without a language
     * @param languageWritten the language part as written (null when there is none), for messages
     * @param languageProblem why the language part names no language Stem knows, or null
     */
    record Column(int index, String header, String base, String media, String language, String languageWritten,
                  String languageProblem) {
        boolean translatable() {
            return TRANSLATABLE.contains(base);
        }

        /** {@code label::Arabic (ar)}: how the column is named in messages. */
        String name() {
            return header.strip();
        }
    }

    /** Columns whose values differ per language. */
    static final Set<String> TRANSLATABLE = Set.of("label", "hint", "constraint_message", "required_message",
            "guidance_hint", "media", "form_title");

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("caption", "label"),
            Map.entry("relevance", "relevant"),
            Map.entry("constraining_message", "constraint_message"),
            Map.entry("requiredmsg", "required_message"),
            Map.entry("constraintmsg", "constraint_message"),
            Map.entry("jr:constraintmsg", "constraint_message"),
            Map.entry("jr:requiredmsg", "required_message"),
            Map.entry("calculate", "calculation"),
            Map.entry("read_only", "readonly"),
            Map.entry("list name", "list_name"),
            Map.entry("value", "name"),
            Map.entry("count", "repeat_count"),
            Map.entry("jr:count", "repeat_count"));

    private static final Set<String> MEDIA = Set.of("audio", "image", "video", "big-image", "big_image");
    private static final Pattern NAMED_CODE = Pattern.compile("^(.*?)\\s*\\(\\s*([A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*)\\s*\\)\\s*$");

    private XlsFormColumns() {
    }

    /** Parses a header; never fails (an unknown header keeps its snake-case name as base). */
    static Column parse(int index, String header) {
        String raw = header == null ? "" : header.strip();
        List<String> tokens;
        if (raw.contains("::")) {
            tokens = Arrays.stream(raw.split("::", -1)).map(String::strip).toList();
        } else if (raw.contains(":") && !raw.startsWith("jr:") && translatableOrMedia(snake(raw.substring(0, raw.indexOf(':'))))) {
            tokens = Arrays.stream(raw.split(":", -1)).map(String::strip).toList();
        } else {
            tokens = List.of(raw);
        }
        String base = snake(tokens.get(0));
        base = ALIASES.getOrDefault(base, ALIASES.getOrDefault(tokens.get(0).strip().toLowerCase(Locale.ROOT), base));
        int next = 1;
        String media = null;
        if (MEDIA.contains(base)) {
            media = base.replace('_', '-');
            base = "media";
        } else if (base.equals("media") && tokens.size() > 1) {
            media = snake(tokens.get(1)).replace('_', '-');
            next = 2;
        }
        String written = null;
        String language = null;
        String problem = null;
        if (tokens.size() > next && !(tokens.size() == next + 1 && tokens.get(next).equalsIgnoreCase("default"))) {
            // label::default is pyxform's name for the column without a language
            written = String.join("::", tokens.subList(next, tokens.size()));
            Resolved r = language(written);
            language = r.tag();
            problem = r.problem();
        }
        return new Column(index, raw, base, media, language, written, problem);
    }

    private static boolean translatableOrMedia(String base) {
        String b = ALIASES.getOrDefault(base, base);
        return TRANSLATABLE.contains(b) || MEDIA.contains(b);
    }

    /** pyxform's normalisation: white space runs become {@code _}, lower case. */
    static String snake(String s) {
        return String.join("_", s.strip().split("\\s+")).toLowerCase(Locale.ROOT);
    }

    record Resolved(String tag, String problem) {
    }

    /** {@code Arabic (ar)} -> ar; {@code Farsi} -> fa; {@code Klingon} -> a problem. */
    static Resolved language(String written) {
        String w = written.strip();
        if (w.isEmpty()) {
            return new Resolved(null, "the column names no language after '::'");
        }
        Matcher m = NAMED_CODE.matcher(w);
        if (m.matches()) {
            String code = m.group(2).replace('_', '-');
            String canonical = ULocale.forLanguageTag(code).toLanguageTag();
            String tag = canonical.equals("und") ? code : canonical;
            Optional<String> bad = LanguageTags.problem(tag);
            return bad.isPresent() ? new Resolved(null, "'" + w + "': " + bad.get()) : new Resolved(tag, null);
        }
        String byName = LanguageNames.tag(w);
        if (byName != null) {
            return new Resolved(byName, null);
        }
        Optional<String> asCode = w.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*") ? Optional.of(w) : Optional.empty();
        if (asCode.isPresent() && LanguageTags.problem(asCode.get()).isEmpty()) {
            return new Resolved(asCode.get(), null);
        }
        return new Resolved(null, "'" + w + "' names no language Stem knows: write it with its code, e.g. 'Arabic (ar)'");
    }

    /** English and own names of languages, lower case, to their codes. */
    static final class LanguageNames {
        private static final Map<String, String> ALIAS = Map.of("farsi", "fa", "dari", "prs", "tigrigna", "ti",
                "pushto", "ps", "sorani", "ckb", "kurmanji", "kmr", "flemish", "nl");
        private static volatile Map<String, String> names;

        private LanguageNames() {
        }

        static String tag(String name) {
            String key = name.strip().toLowerCase(Locale.ROOT);
            String alias = ALIAS.get(key);
            if (alias != null) {
                return alias;
            }
            return all().get(key);
        }

        /** Two-letter codes win over three-letter ones for the same name (Persian is fa). */
        private static void prefer(Map<String, String> m, String name, String code) {
            String had = m.get(name);
            if (had == null || (had.length() > 2 && code.length() == 2)) {
                m.put(name, code);
            }
        }

        private static Map<String, String> all() {
            Map<String, String> m = names;
            if (m == null) {
                m = new HashMap<>();
                for (String code : ULocale.getISOLanguages()) {
                    ULocale l = new ULocale(code);
                    String english = l.getDisplayLanguage(ULocale.ENGLISH).toLowerCase(Locale.ROOT);
                    String own = l.getDisplayLanguage(l).toLowerCase(Locale.ROOT);
                    if (!english.equals(code)) {
                        prefer(m, english, code);
                    }
                    if (!own.equals(code)) {
                        prefer(m, own, code);
                    }
                }
                names = m;
            }
            return m;
        }
    }
}
