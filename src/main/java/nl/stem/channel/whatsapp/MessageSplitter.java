package nl.stem.channel.whatsapp;

import java.util.ArrayList;
import java.util.List;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

/**
 * Splits text over Twilio's 1600-character body limit into several messages, at a line break or
 * a space where one is near the end, never inside a grapheme cluster (an emoji with skin tone, a
 * letter with combining marks). Lengths are UTF-16 units, which is never more than Twilio counts.
 */
final class MessageSplitter {
    static final int BODY_LIMIT = 1600;

    private MessageSplitter() {
    }

    static List<String> split(String text, int limit) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > limit) {
            int cut = cut(rest, limit);
            parts.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    /** The end of the first part: the last grapheme boundary within {@code limit}, moved back to a line break or space when one is in the last quarter. */
    private static int cut(String s, int limit) {
        BreakIterator graphemes = BreakIterator.getCharacterInstance(ULocale.ROOT);
        graphemes.setText(s);
        int boundary = graphemes.preceding(limit + 1);
        if (boundary <= 0) {
            boundary = graphemes.following(0);
        }
        int floor = boundary - limit / 4;
        int newline = s.lastIndexOf('\n', boundary - 1);
        if (newline >= floor && newline > 0) {
            return newline + 1;
        }
        int space = s.lastIndexOf(' ', boundary - 1);
        if (space >= floor && space > 0) {
            return space + 1;
        }
        return boundary;
    }
}
