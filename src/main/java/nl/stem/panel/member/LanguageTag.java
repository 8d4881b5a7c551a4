package nl.stem.panel.member;

import java.util.Optional;

import com.ibm.icu.util.IllformedLocaleException;
import com.ibm.icu.util.ULocale;

/**
 * A member's language as a well-formed BCP 47 tag with a language subtag ICU knows, in its canonical
 * case: {@code ar}, {@code ti}, {@code fa-AF}; {@code FA_af} is read as {@code fa-AF}; {@code zz} is
 * refused. Any such language is accepted (also ones no survey is translated into yet: the invitation
 * then falls back).
 */
final class LanguageTag {
    private LanguageTag() {
    }

    /** The canonical tag, or empty when {@code written} is not a well-formed tag with a language ICU knows. */
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
        String language = locale.getLanguage();
        // ICU names every language it knows; for any other code its "name" is the code itself.
        if (language.isEmpty() || locale.getDisplayLanguage(ULocale.ENGLISH).equals(language)) {
            return Optional.empty();
        }
        return Optional.of(locale.toLanguageTag());
    }
}
