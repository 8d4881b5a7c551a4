package nl.stem.survey;

import java.util.Optional;

import com.ibm.icu.util.IllformedLocaleException;
import com.ibm.icu.util.ULocale;

/** Checks BCP 47 tags with ICU: well-formed, a language ICU knows, and written canonically. */
public final class LanguageTags {
    private LanguageTags() {
    }

    /** Empty when fine, else why not. */
    public static Optional<String> problem(String tag) {
        ULocale locale;
        try {
            locale = new ULocale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            return Optional.of("'" + tag + "' is not a valid BCP 47 language tag");
        }
        String language = locale.getLanguage();
        if (language.isEmpty()) {
            return Optional.of("'" + tag + "' has no language");
        }
        // ICU falls back to the code itself when it has no name for it: then it is not a language it knows
        if (locale.getDisplayLanguage(ULocale.ENGLISH).equals(language)) {
            return Optional.of("unknown language '" + tag + "'");
        }
        // file names and lookups use the tag as written, so insist on one spelling
        if (!locale.toLanguageTag().equals(tag)) {
            return Optional.of("write language '" + tag + "' as '" + locale.toLanguageTag() + "'");
        }
        return Optional.empty();
    }
}
