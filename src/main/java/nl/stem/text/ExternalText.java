package nl.stem.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one rule for text from outside Stem (webhooks, the preview, the API, CSV and survey files):
 * which characters Stem cannot hold, and what becomes of them. Each kind of input applies it in one
 * place (see the README's "Text from outside"), either removing what does not fit ({@link #clean})
 * or refusing the input ({@link #problem}).
 *
 * <p>Characters Stem cannot hold:
 * <ul>
 * <li>U+0000: PostgreSQL refuses it in {@code text} ({@code invalid byte sequence}) and in
 * {@code jsonb} ({@code unsupported Unicode escape sequence});</li>
 * <li>the other C0 controls except tab, line feed and carriage return, DEL and the C1 controls: no
 * person types them, XML (TwiML) cannot hold them, and they hide text in exports and pages;</li>
 * <li>a lone surrogate half: it has no UTF-8 form, so the driver would write {@code ?} in its place;
 * {@link #clean} turns it into U+FFFD (what a UTF-8 decoder does with a broken sequence), so the
 * reader sees that something was there;</li>
 * <li>the noncharacters U+FFFE and U+FFFF.</li>
 * </ul>
 * Everything else, right-to-left marks and zero-width joiners included, is kept: Arabic, Tigrinya and
 * emoji need them.
 */
public final class ExternalText {
    /** Longest text any respondent-side field keeps; the engine re-prompts above stem.limits.text-length. */
    public static final int MAX_CHARS = 16_384;

    private ExternalText() {
    }

    /** Whether {@code c} (a UTF-16 unit that is not half of a pair) is one Stem cannot hold. */
    static boolean unfit(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)
                || c == '\uFFFE' || c == '\uFFFF';
    }

    /**
     * {@code s} without what Stem cannot hold, in NFC, at most {@code maxChars} UTF-16 units (cut at
     * a code point, never inside a pair); null stays null. Example: {@code clean("ja\u0000", 10)} is
     * {@code "ja"}; {@code clean("e\u0301", 10)} is {@code "é"} (one code point).
     */
    public static String clean(String s, int maxChars) {
        if (s == null) {
            return null;
        }
        StringBuilder out = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                if (out != null) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean lone = Character.isSurrogate(c);
            if (lone || unfit(c)) {
                if (out == null) {
                    out = new StringBuilder(n).append(s, 0, i);
                }
                if (lone) {
                    out.append('\uFFFD');
                }
                continue;
            }
            if (out != null) {
                out.append(c);
            }
        }
        String kept = out == null ? s : out.toString();
        String nfc = Normalizer.isNormalized(kept, Normalizer.Form.NFC) ? kept : Normalizer.normalize(kept, Normalizer.Form.NFC);
        return clip(nfc, maxChars);
    }

    /** Every value (and key) of a provider's parameters, {@linkplain #clean cleaned}, in the same order. */
    public static Map<String, String> cleanAll(Map<String, String> params, int maxChars) {
        Map<String, String> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.merge(clean(k, maxChars), clean(v, maxChars), (a, b) -> a));
        return out;
    }

    /**
     * Where {@code s} has a character Stem cannot hold, for a refusal that lets the sender find it:
     * e.g. {@code "U+0000 at line 3, column 7"}; empty when {@code s} is fine (or null).
     */
    public static Optional<String> problem(String s) {
        if (s == null) {
            return Optional.empty();
        }
        int line = 1;
        int column = 1;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                column++;
                continue;
            }
            if (Character.isSurrogate(c) || unfit(c)) {
                String what = Character.isSurrogate(c) ? "a lone surrogate half U+" : "U+";
                String at = line == 1 && s.indexOf('\n') < 0 ? "at position " + column : "at line " + line + ", column " + column;
                return Optional.of(what + String.format(Locale.ROOT, "%04X", (int) c) + " " + at);
            }
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return Optional.empty();
    }

    /** The index of the first character Stem cannot hold in {@code s}, or -1. */
    public static int firstUnfit(String s) {
        int n = s == null ? 0 : s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || unfit(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * For a CSV row refused under {@link TextRule#REFUSE}: one reason per cell with a character Stem
     * cannot hold, named by its column, e.g. {@code "region has U+0000 at position 4"}.
     */
    public static List<String> cellProblems(List<String> header, List<String> cells) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            int column = i;
            problem(cells.get(i)).ifPresent(p -> out.add((column < header.size() ? header.get(column) : "column " + (column + 1))
                    + " has " + p + ", a character Stem cannot store"));
        }
        return out;
    }

    private static String clip(String s, int maxChars) {
        if (s.length() <= maxChars) {
            return s;
        }
        int end = maxChars;
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
