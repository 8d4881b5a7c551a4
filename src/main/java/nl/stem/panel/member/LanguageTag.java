package nl.stem.panel.member;

import java.util.Optional;

import com.ibm.icu.util.IllformedLocaleException;
import com.ibm.icu.util.ULocale;

/**
 * A member's language as a well-formed BCP 47 tag with a language subtag, in its canonical case:
 * {@code ar}, {@code ti}, {@code fa-AF}; {@code FA_af} is read as {@code fa-AF}. Any well-formed
 * language is accepted (also ones no survey is translated into yet: the invitation then falls back).
 */
final class LanguageTag {
    private LanguageTag() {
    }

    /** The canonical tag, or empty when {@code written} is not a well-formed tag with a language. */
    static Optional<String> normalise(String written) {
        String tag = written.strip().replace('_', '-');
        if (tag.isEmpty()) {
            return Optional.empty();
        }
        ULocale locale;
        try {
            locale = new ULocale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
        if (locale.getLanguage().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(locale.toLanguageTag());
    }
}
