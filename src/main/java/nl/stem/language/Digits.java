package nl.stem.language;

import com.ibm.icu.lang.UCharacter;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Reads numbers typed in any script. Respondents type "٣" (Arabic-Indic), "۳" (Persian), "３"
 * (fullwidth) or mix them ("۱۲3" from a Persian keyboard with a Latin numpad); NFKC does not fold
 * these and the Arabic-Latin transliterator gets Persian digits wrong, so every code point goes
 * through {@link UCharacter#digit(int, int)} which knows all decimal digits (Nd).
 * Ethiopic numerals (፩ ፪ ፫ ... ፲ ፳ ... ፻ ፼), which Tigrinya and Amharic speakers type from
 * their keyboards, are not decimal digits (no zero, not positional): they are read additively
 * ({@link #ethiopic}), so "፫" is 3 and "፲፪" is 12.
 */
public final class Digits {
    private Digits() {
    }

    /**
     * Parses an optional minus, decimal digits and at most one decimal separator ({@code .},
     * {@code ,} or Arabic {@code ٫}), with spaces and bidi marks around it.
     * A comma is read as a decimal separator (Dutch and many respondents' habit), never as a
     * thousands separator.
     * Example: {@code parse("۱۲3") -> 123}, {@code parse("٢٫٥") -> 2.5}, {@code parse("12abc") -> empty}
     */
    public static Optional<BigDecimal> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String s = stripAround(input);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (isEthiopicNumeral(s.charAt(0))) {
            return ethiopic(s).map(BigDecimal::valueOf);
        }
        StringBuilder ascii = new StringBuilder(s.length());
        int i = 0;
        int first = s.codePointAt(0);
        if (first == '-' || first == '\u2212') {
            ascii.append('-');
            i += Character.charCount(first);
        }
        boolean separator = false;
        boolean digitBefore = false;
        boolean digitAfter = false;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int d = UCharacter.digit(cp, 10);
            if (d >= 0 && UCharacter.getType(cp) == UCharacter.DECIMAL_DIGIT_NUMBER) {
                ascii.append((char) ('0' + d));
                if (separator) {
                    digitAfter = true;
                } else {
                    digitBefore = true;
                }
            } else if (cp == '.' || cp == ',' || cp == '\u066B') {
                if (separator) {
                    return Optional.empty();
                }
                separator = true;
                ascii.append('.');
            } else {
                return Optional.empty();
            }
        }
        if (!digitBefore || (separator && !digitAfter)) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(ascii.toString()));
    }

    private static final char ETHIOPIC_ONE = '\u1369';
    private static final char ETHIOPIC_TEN = '\u1372';
    private static final char ETHIOPIC_HUNDRED = '\u137B';
    private static final char ETHIOPIC_TEN_THOUSAND = '\u137C';

    private static boolean isEthiopicNumeral(char c) {
        return c >= ETHIOPIC_ONE && c <= ETHIOPIC_TEN_THOUSAND;
    }

    /**
     * An Ethiopic numeral: groups of at most one tens sign (፲ 10 ... ፺ 90) and one unit sign
     * (፩ 1 ... ፱ 9), joined by ፻ (times 100) and ፼ (times 10,000); a multiplier with nothing before
     * it counts one ("፻" is 100). Example: {@code ethiopic("፲፪") -> 12}, {@code ethiopic("፪፻፲፭") -> 215},
     * {@code ethiopic("፪፲") -> empty} (a unit before a ten is not a numeral).
     */
    static Optional<Long> ethiopic(String s) {
        long total = 0;
        long group = 0;
        int stage = 0; // 0: nothing yet in this group, 1: a ten seen, 2: a unit seen
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= ETHIOPIC_ONE && c < ETHIOPIC_TEN) {
                if (stage == 2) {
                    return Optional.empty();
                }
                group += c - ETHIOPIC_ONE + 1;
                stage = 2;
            } else if (c >= ETHIOPIC_TEN && c < ETHIOPIC_HUNDRED) {
                if (stage != 0) {
                    return Optional.empty();
                }
                group += 10L * (c - ETHIOPIC_TEN + 1);
                stage = 1;
            } else if (c == ETHIOPIC_HUNDRED) {
                total += (group == 0 ? 1 : group) * 100;
                group = 0;
                stage = 0;
            } else if (c == ETHIOPIC_TEN_THOUSAND) {
                long before = total + group;
                if (before >= 10_000) {
                    return Optional.empty(); // ፼ twice: beyond what a survey answer needs
                }
                total = (before == 0 ? 1 : before) * 10_000;
                group = 0;
                stage = 0;
            } else {
                return Optional.empty();
            }
            any = true;
        }
        return any ? Optional.of(total + group) : Optional.empty();
    }

    /** Parses a whole number; "3.0" counts as 3, "3.5" does not. */
    public static Optional<Integer> parseInt(String input) {
        return parse(input).flatMap(n -> {
            try {
                return Optional.of(n.stripTrailingZeros().intValueExact());
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        });
    }

    /** Trims white space and the invisible bidi marks chat apps and keyboards insert around numbers. */
    static String stripAround(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && ignorable(s.charAt(start))) {
            start++;
        }
        while (end > start && ignorable(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean ignorable(char c) {
        return UCharacter.isUWhiteSpace(c) || c == '\u200E' || c == '\u200F' || c == '\u061C'
                || (c >= '\u2066' && c <= '\u2069') || (c >= '\u202A' && c <= '\u202E') || c == '\uFEFF';
    }
}
