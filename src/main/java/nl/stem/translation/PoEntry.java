package nl.stem.translation;

import java.util.Set;

/**
 * One entry of a gettext PO file as Stem uses it: {@code msgctxt} is the stable key, {@code msgid}
 * the source-language text, {@code msgstr} the translation (an ICU MessageFormat pattern).
 *
 * @param key    the msgctxt
 * @param source the msgid
 * @param text   the msgstr, empty when untranslated
 * @param flags  the {@code #,} flags, e.g. {@code fuzzy} (machine-drafted, not yet reviewed)
 * @param line   line of the entry's msgctxt (or msgid) in the file, 1-based
 */
public record PoEntry(String key, String source, String text, Set<String> flags, int line) {
    public PoEntry {
        flags = Set.copyOf(flags);
    }

    /** Machine-drafted or otherwise unreviewed; translators see it flagged in Weblate or Poedit. */
    public boolean unreviewed() {
        return flags.contains("fuzzy");
    }
}
