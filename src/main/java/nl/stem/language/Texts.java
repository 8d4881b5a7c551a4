package nl.stem.language;

import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Formats ICU MessageFormat patterns for one language. In right-to-left languages every interpolated
 * value is isolated with FSI ... PDI (U+2068 ... U+2069) so a Latin name or a number keeps its own
 * direction and does not scramble the sentence around it.
 */
public final class Texts {
    public static final char FSI = '\u2068';
    public static final char PDI = '\u2069';
    private static final Map<String, MessageFormat> FORMATS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, NumberFormat> NUMBERS = new java.util.concurrent.ConcurrentHashMap<>();

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
        MessageFormat prototype = FORMATS.computeIfAbsent(language + '\u0000' + pattern, k -> parse(pattern, locale));
        if (prototype == null) {
            return pattern;
        }
        try {
            // Parsed once per text; formats are not thread-safe, so each use formats with a clone.
            return ((MessageFormat) prototype.clone()).format(a);
        } catch (IllegalArgumentException e) {
            return pattern;
        }
    }

    private static MessageFormat parse(String pattern, ULocale locale) {
        try {
            return new MessageFormat(pattern, locale);
        } catch (IllegalArgumentException e) {
            return null; // ConcurrentHashMap keeps no null: a broken pattern is parsed again, and fails again
        }
    }

    /** Joins labels the way the language lists things: "Work, Housing and Education", "العمل والسكن والتعليم". */
    public static String list(String language, List<String> items) {
        return ListFormatter.getInstance(Languages.ulocale(language)).format(items);
    }

    /** A whole number in the language's default digits (۳ in Farsi, 3 in Arabic, whose CLDR default is latn). */
    public static String number(String language, long n) {
        NumberFormat prototype = NUMBERS.computeIfAbsent(String.valueOf(language), k -> {
            NumberFormat f = NumberFormat.getIntegerInstance(Languages.ulocale(language));
            f.setGroupingUsed(false);
            return f;
        });
        return ((NumberFormat) prototype.clone()).format(n);
    }

    /** Wraps a value in FSI ... PDI unless the pattern needs it as a number (plural, select, number format). */
    private static Object isolate(ULocale locale, String pattern, String name, Object value) {
        if (value instanceof CharSequence s) {
            return s.isEmpty() ? s.toString() : FSI + s.toString() + PDI;
        }
        if (value instanceof Number n && !usedAsComplexArgument(pattern, name)) {
            return FSI + NumberFormat.getInstance(locale).format(n) + PDI;
        }
        return value;
    }

    private static boolean usedAsComplexArgument(String pattern, String name) {
        return Pattern.compile("\\{\\s*" + Pattern.quote(name) + "\\s*,").matcher(pattern).find();
    }
}
