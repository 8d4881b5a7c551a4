package nl.stem.survey;

import java.util.Optional;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

/** Whether a text is a valid ICU MessageFormat pattern, as the engine will format it. */
final class IcuPatterns {
    private IcuPatterns() {
    }

    /** Empty when it parses, else ICU's message. */
    static Optional<String> problem(String pattern, String language) {
        try {
            new MessageFormat(pattern, new ULocale(language));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("broken ICU MessageFormat pattern: " + e.getMessage());
        }
    }
}
