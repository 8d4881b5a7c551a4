package nl.stem.survey;

import java.util.Map;

/** An indicator within a domain; tagged as {@code domain.indicator}. */
public record IoiIndicator(String id, Map<String, String> names) {
    public IoiIndicator {
        names = Map.copyOf(names);
    }

    public String name(String language) {
        return names.getOrDefault(language, names.getOrDefault("en", id));
    }
}
