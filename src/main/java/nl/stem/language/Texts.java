package nl.stem.language;

import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Formats ICU MessageFormat patterns for one language. In right-to-left languages every interpolated
 * value is isolated with FSI ... PDI (U+2068 ... U+2069) so a Latin name or a number keeps its own
 * direction and does not scramble the sentence around it.
 */
public final class Texts {
    public static final char FSI = '\u2068';
    public static final char PDI = '\u2069';
    /** Parsed patterns by language and pattern; a broken pattern maps to an empty Optional. */
    private static final Map<String, Optional<FormatPool<MessageFormat>>> FORMATS = new ConcurrentHashMap<>();
    /** Whole numbers by language, without grouping. */
    private static final Map<String, FormatPool<NumberFormat>> INTEGERS = new ConcurrentHashMap<>();
    /** Numbers isolated in right-to-left text, by language. */
    private static final Map<String, FormatPool<NumberFormat>> NUMBERS = new ConcurrentHashMap<>();
    /** Whether an argument name is used as a number (plural, select, number format) in a pattern. */
    private static final Map<String, Boolean> COMPLEX_ARGUMENTS = new ConcurrentHashMap<>();

    private Texts() {
    }

    /**
     * Formats {@code pattern} with named args in {@code language}. A broken pattern (a translator's
     * typo) yields the pattern itself rather than an exception: a respondent must always get a reply.
     * Example: {@code format("ar", "{n} من {max}", Map.of("n", 3, "max", 5))}.
     */
    public static String format(String language, String pattern, Map<String, ?> args) {
        if (pattern == null) {
            return "";
        }
        ULocale locale = Languages.ulocale(language);
        boolean rtl = Languages.isRightToLeft(language);
        Map<String, Object> a = new LinkedHashMap<>();
        if (args != null) {
            args.forEach((k, v) -> a.put(k, rtl ? isolate(locale, pattern, k, v) : v));
        }
        Optional<FormatPool<MessageFormat>> formats = FORMATS.computeIfAbsent(language + '\u0000' + pattern,
                k -> parse(pattern, locale).map(f -> new FormatPool<>(f, m -> (MessageFormat) m.clone())));
        if (formats.isEmpty()) {
            return pattern;
        }
        try {
            return formats.get().with(f -> f.format(a));
        } catch (IllegalArgumentException e) {
            return pattern;
        }
    }

    private static Optional<MessageFormat> parse(String pattern, ULocale locale) {
        try {
            return Optional.of(new MessageFormat(pattern, locale));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a broken pattern: remembered, so it is not parsed again
        }
    }

    /** Joins labels the way the language lists things: "Work, Housing and Education", "العمل والسكن والتعليم". */
    public static String list(String language, List<String> items) {
        return ListFormatter.getInstance(Languages.ulocale(language)).format(items);
    }

    /** A whole number in the language's default digits (۳ in Farsi, 3 in Arabic, whose CLDR default is latn). */
    public static String number(String language, long n) {
        return INTEGERS.computeIfAbsent(String.valueOf(language), k -> {
            NumberFormat f = NumberFormat.getIntegerInstance(Languages.ulocale(language));
            f.setGroupingUsed(false);
            return new FormatPool<>(f, Texts::copyNumber);
        }).with(f -> f.format(n));
    }

    private static NumberFormat copyNumber(NumberFormat f) {
        return (NumberFormat) f.clone();
    }

    /** Wraps a value in FSI ... PDI unless the pattern needs it as a number (plural, select, number format). */
    private static Object isolate(ULocale locale, String pattern, String name, Object value) {
        if (value instanceof CharSequence s) {
            return s.isEmpty() ? s.toString() : FSI + s.toString() + PDI;
        }
        if (value instanceof Number n && !usedAsComplexArgument(pattern, name)) {
            String formatted = NUMBERS.computeIfAbsent(locale.toLanguageTag(),
                    k -> new FormatPool<>(NumberFormat.getInstance(locale), Texts::copyNumber)).with(f -> f.format(n));
            return FSI + formatted + PDI;
        }
        return value;
    }

    private static boolean usedAsComplexArgument(String pattern, String name) {
        return COMPLEX_ARGUMENTS.computeIfAbsent(name + '\u0000' + pattern,
                k -> Pattern.compile("\\{\\s*" + Pattern.quote(name) + "\\s*,").matcher(pattern).find());
    }
}
