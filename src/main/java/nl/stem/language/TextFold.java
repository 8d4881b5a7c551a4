package nl.stem.language;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;

/**
 * A matching key for keywords, commands and choice labels: two strings a respondent would consider
 * "the same word" fold to the same key. Never stored; answers are stored as typed (NFC).
 * <ul>
 * <li>NFKC_Casefold: case, compatibility forms (fullwidth, ligatures) and default-ignorables
 * (ZWNJ, bidi marks) go.</li>
 * <li>Latin accents: "Hayır", "hayir" and "HAYIR" meet, and so do "oké" and "oke", because phones
 * without the right keyboard leave them out (Latin letters only: Cyrillic й and Arabic marks are
 * handled apart).</li>
 * <li>Turkish i: "İPTAL" folds to "i̇ptal" (with U+0307) and "IPTAL" to "iptal", and people type
 * either on either keyboard, so the combining dot is dropped and dotless ı becomes i.</li>
 * <li>Arabic script: tatweel and harakat go; alef variants, yeh/alef maksura, kaf and teh marbuta
 * fold to one form each so Arabic and Persian keyboards meet (أ إ آ ٱ -> ا, ي ى -> ی, ك -> ک, ة -> ه).</li>
 * <li>Runs of white space become one space; trailing punctuation ("stop!", "توقف؟") goes unless
 * nothing else is left (so "?" stays "?").</li>
 * </ul>
 */
public final class TextFold {
    private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final String TRAILING_PUNCTUATION = ".!?؟،,;:。…¡¿·";

    private TextFold() {
    }

    /** Example: {@code fold("  İPTAL! ") -> "iptal"}, {@code fold("إيقاف") -> "ایقاف"} after alef and yeh folding. */
    public static String fold(String s) {
        if (s == null) {
            return "";
        }
        String n = NFKC_CF.normalize(s);
        StringBuilder b = new StringBuilder(n.length());
        boolean space = false;
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = b.length() > 0;
                continue;
            }
            if (dropped(cp)) {
                continue;
            }
            if (space) {
                b.append(' ');
                space = false;
            }
            if (cp > 0x7F && UScript.getScript(cp) == UScript.LATIN) {
                appendWithoutAccents(b, cp);
                continue;
            }
            b.appendCodePoint(mapped(cp));
        }
        int end = b.length();
        while (end > 1 && TRAILING_PUNCTUATION.indexOf(b.charAt(end - 1)) >= 0) {
            end--;
        }
        while (end > 1 && b.charAt(end - 1) == ' ') {
            end--;
        }
        return b.substring(0, end);
    }

    /** A Latin letter without its accents: {@code é -> e}, {@code ş -> s}; letters that do not decompose stay. */
    private static void appendWithoutAccents(StringBuilder b, int cp) {
        String d = NFD.getDecomposition(cp);
        if (d == null) {
            b.appendCodePoint(mapped(cp));
            return;
        }
        d.codePoints().filter(c -> UCharacter.getType(c) != UCharacter.NON_SPACING_MARK).forEach(b::appendCodePoint);
    }

    private static boolean dropped(int cp) {
        return cp == 0x0307 // combining dot above, left by İ
                || cp == 0x0640 // tatweel
                || (cp >= 0x064B && cp <= 0x065F) // harakat
                || cp == 0x0670 // superscript alef
                || (cp >= 0x06D6 && cp <= 0x06ED); // Quranic annotation marks
    }

    private static int mapped(int cp) {
        return switch (cp) {
            case 0x0131 -> 'i'; // dotless ı
            case 0x0623, 0x0625, 0x0622, 0x0671 -> 0x0627; // أ إ آ ٱ -> ا
            case 0x064A, 0x0649 -> 0x06CC; // ي ى -> ی
            case 0x0643 -> 0x06A9; // ك -> ک
            case 0x0629 -> 0x0647; // ة -> ه
            case 0x06C0 -> 0x0647; // ۀ -> ه
            default -> cp;
        };
    }
}
