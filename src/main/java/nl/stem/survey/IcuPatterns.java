package nl.stem.survey;

import java.util.Optional;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

/** Whether a text is a valid ICU MessageFormat pattern, as the engine will format it. */
final class IcuPatterns {
    /** Real patterns nest three or four levels (an argument in a plural in a select). */
    static final int MAX_DEPTH = 12;

    private IcuPatterns() {
    }

    /** Empty when it parses, else ICU's message. */
    static Optional<String> problem(String pattern, String language) {
        int depth = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth > MAX_DEPTH) {
                // ICU's parser recurses per level: bounded before it is asked.
                return Optional.of("ICU MessageFormat pattern nested deeper than " + MAX_DEPTH + " levels of braces");
            }
        }
        try {
            new MessageFormat(pattern, new ULocale(language));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("broken ICU MessageFormat pattern: " + e.getMessage());
        }
    }
}
