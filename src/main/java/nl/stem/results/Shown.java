package nl.stem.results;

/**
 * How an open answer is shown on a page: its bidirectional embedding, override and isolate
 * controls (U+202A–U+202E, U+2066–U+2069) are removed, so that one answer cannot reorder the page
 * around it; the page puts each answer in an element with its own direction instead. HTML is
 * escaped by the templates. The stored answer and the exports keep every character.
 * Example: {@code text("\u202Eabc")} is {@code "abc"}.
 */
final class Shown {
    private Shown() {
    }

    static String text(String answer) {
        if (answer == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(answer.length());
        for (int i = 0; i < answer.length(); i++) {
            char c = answer.charAt(i);
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }
}
