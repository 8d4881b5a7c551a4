package nl.stem.results;

/**
 * One group of a breakdown: responses in one language, on one channel, in one wave, or with one
 * value of a member attribute. A suppressed group shows no figures at all, not even its size.
 *
 * @param key        the value grouped by ({@code ar}, {@code whatsapp}, {@code 7}, {@code Utrecht});
 *                   "" for responses without a value and for "other"
 * @param kind       {@link Kind#VALUE}, {@link Kind#NONE} (no value) or {@link Kind#OTHER} (the
 *                   groups beyond {@code stem.results.max-groups}, summed)
 * @param label      how the page names it
 * @param suppressed true when the group is too small to show, or hidden so that another cannot be worked out
 * @param figures    null when suppressed
 */
public record Group(String key, Kind kind, String label, boolean suppressed, Figures figures) {
    /** What a group stands for. */
    public enum Kind {
        VALUE, NONE, OTHER;

        @com.fasterxml.jackson.annotation.JsonValue
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
