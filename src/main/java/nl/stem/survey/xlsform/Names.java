package nl.stem.survey.xlsform;

import java.util.regex.Pattern;

/**
 * XLSForm names as Stem ids. XLSForm allows upper case, {@code -} and {@code .} in names
 * ({@code Q1-age}); Stem ids are lower case with {@code _} ({@code q1_age}), so answers, exports
 * and translation keys use one spelling.
 */
final class Names {
    static final Pattern QUESTION_ID = Pattern.compile("[a-z][a-z0-9_]*");

    private Names() {
    }

    /** {@code Q1-age} -> {@code q1_age}; what cannot be made an id is returned as it is, for the validator to refuse. */
    static String questionId(String name) {
        return normalise(name);
    }

    static String choiceId(String name) {
        return normalise(name);
    }

    private static String normalise(String name) {
        String s = name.strip();
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-' || c == '.' || c == ' ') {
                b.append('_');
            } else if (c >= 'A' && c <= 'Z') {
                b.append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
