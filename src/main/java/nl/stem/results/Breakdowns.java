package nl.stem.results;

import java.util.regex.Pattern;

/**
 * What a breakdown may be by: {@code language} (the session's), {@code channel}, {@code wave}, or a
 * member attribute such as {@code region} or {@code arrival_year}. Each is turned into one SQL
 * expression over {@code sessions s} and {@code respondents r}, never by pasting the name in.
 */
final class Breakdowns {
    static final String LANGUAGE = "language";
    static final String CHANNEL = "channel";
    static final String WAVE = "wave";
    /** Attribute names as members are enrolled with them. */
    static final Pattern ATTRIBUTE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private Breakdowns() {
    }

    static boolean builtIn(String by) {
        return LANGUAGE.equals(by) || CHANNEL.equals(by) || WAVE.equals(by);
    }

    /**
     * The group expression; an attribute is read with a bound parameter ({@code ?}), which the caller binds to its name.
     */
    static String expression(String by) {
        if (by == null) {
            return "''";
        }
        return switch (by) {
            case LANGUAGE -> "coalesce(s.language, '')";
            case CHANNEL -> "s.channel";
            case WAVE -> "coalesce(s.wave_id::text, '')";
            default -> "coalesce(r.attributes ->> ?, '')";
        };
    }

    static boolean needsRespondents(String by) {
        return by != null && !builtIn(by);
    }
}
