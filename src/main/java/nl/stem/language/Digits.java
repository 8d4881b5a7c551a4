package nl.stem.language;

import com.ibm.icu.lang.UCharacter;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Reads numbers typed in any script. Respondents type "٣" (Arabic-Indic), "۳" (Persian), "３"
 * (fullwidth) or mix them ("۱۲3" from a Persian keyboard with a Latin numpad); NFKC does not fold
 * these and the Arabic-Latin transliterator gets Persian digits wrong, so every code point goes
 * through {@link UCharacter#digit(int, int)} which knows all decimal digits (Nd).
 * Ethiopic numerals (፩...) are not decimal digits and are rejected on purpose: they have no zero
 * and are not positional.
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
