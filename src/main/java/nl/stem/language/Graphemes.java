package nl.stem.language;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * Lengths as respondents perceive them: "👍🏽👨‍👩‍👧" is 2 characters, not 11 UTF-16 units, so limits
 * such as a text question's {@code max_length} count grapheme clusters.
 */
public final class Graphemes {
    private Graphemes() {
    }

    public static int count(String s) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        BreakIterator it = BreakIterator.getCharacterInstance(ULocale.ROOT);
        it.setText(s);
        int n = 0;
        while (it.next() != BreakIterator.DONE) {
            n++;
        }
        return n;
    }

    /** The first {@code max} grapheme clusters of {@code s}, never cutting one in half. */
    public static String truncate(String s, int max) {
        if (s == null || max <= 0) {
            return "";
        }
        BreakIterator it = BreakIterator.getCharacterInstance(ULocale.ROOT);
        it.setText(s);
        int end = it.first();
        for (int i = 0; i < max; i++) {
            int next = it.next();
            if (next == BreakIterator.DONE) {
                return s;
            }
            end = next;
        }
        return s.substring(0, end);
    }
}
