package nl.stem.survey;

import java.util.Map;

/** A group of IoI domains, e.g. {@code social_connections}; names by language tag. */
public record IoiGroup(String id, Map<String, String> names) {
    public IoiGroup {
        names = Map.copyOf(names);
    }

    /** The name in {@code language}, else English, else the id. */
    public String name(String language) {
        return names.getOrDefault(language, names.getOrDefault("en", id));
    }
}
