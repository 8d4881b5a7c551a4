package nl.stem.survey;

import java.util.List;
import java.util.Map;

/** One of the IoI domains, e.g. {@code work}, in group {@code group}. */
public record IoiDomain(String id, String group, Map<String, String> names, List<IoiIndicator> indicators) {
    public IoiDomain {
        names = Map.copyOf(names);
        indicators = List.copyOf(indicators);
    }

    public String name(String language) {
        return names.getOrDefault(language, names.getOrDefault("en", id));
    }
}
