package nl.stem.channel.telegram;

import java.util.ArrayList;
import java.util.List;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * Splits a long text into Telegram messages of at most {@link #MAX} UTF-16 units (Telegram's 4,096
 * "characters"; counting units is the strict reading, so a part is never refused). Cuts only at
 * grapheme boundaries, so an emoji with skin tone or an Arabic letter with its marks stays whole,
 * and prefers a line break, then a space, in the second half of a part.
 */
final class MessageParts {
    /** Telegram's sendMessage text limit. */
    static final int MAX = 4096;

    private MessageParts() {
    }

    /** Example: a 10,000-character text -> three parts of at most 4,096 units, cut at a line break or space where one is near. */
    static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return parts;
        }
        BreakIterator graphemes = BreakIterator.getCharacterInstance(ULocale.ROOT);
        graphemes.setText(text);
        int start = 0;
        while (text.length() - start > max) {
            int limit = start + max;
            // The last grapheme boundary at or before the limit.
            int cut = graphemes.isBoundary(limit) ? limit : graphemes.preceding(limit);
            if (cut <= start) {
                // One grapheme longer than a whole message (absurd, but never loop): cut at a code point.
                cut = Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
            } else {
                cut = preferredCut(text, start, cut);
            }
            parts.add(text.substring(start, cut));
            start = cut;
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** A line break or space in the second half of the window, else {@code cut}; the break stays with the earlier part. */
    private static int preferredCut(String text, int start, int cut) {
        int half = start + (cut - start) / 2;
        int newline = text.lastIndexOf('\n', cut - 1);
        if (newline >= half) {
            return newline + 1;
        }
        for (int i = cut - 1; i >= half; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i + 1;
            }
        }
        return cut;
    }
}
