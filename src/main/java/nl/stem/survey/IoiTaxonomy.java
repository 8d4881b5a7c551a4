package nl.stem.survey;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Indicators of Integration taxonomy: groups, domains and indicators, read from data
 * ({@code taxonomy/ioi.yaml}) so researchers can extend it without a release.
 */
public final class IoiTaxonomy {
    private static final String BUILT_IN = "/taxonomy/ioi.yaml";

    private final List<IoiGroup> groups;
    private final List<IoiDomain> domains;
    private final Set<String> tags;

    private IoiTaxonomy(List<IoiGroup> groups, List<IoiDomain> domains) {
        this.groups = List.copyOf(groups);
        this.domains = List.copyOf(domains);
        Set<String> t = new LinkedHashSet<>();
        for (IoiDomain d : domains) {
            t.add(d.id());
            for (IoiIndicator i : d.indicators()) {
                t.add(d.id() + "." + i.id());
            }
        }
        this.tags = java.util.Collections.unmodifiableSet(t); // ordered, so suggestions are stable
    }

    /** The taxonomy shipped with Stem. */
    public static IoiTaxonomy builtIn() {
        try (InputStream in = IoiTaxonomy.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BUILT_IN);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a taxonomy file (format of {@code taxonomy/ioi.yaml}).
     *
     * @throws IllegalArgumentException when the file is not a valid taxonomy, naming what is wrong
     */
    public static IoiTaxonomy load(InputStream yaml) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(new InputStreamReader(yaml, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("taxonomy is not valid YAML: " + e.getMessage(), e);
        }
        Map<?, ?> map = asMap(root, "taxonomy");
        List<IoiGroup> groups = new ArrayList<>();
        Set<String> groupIds = new LinkedHashSet<>();
        for (Object g : asList(map.get("groups"), "groups")) {
            Map<?, ?> gm = asMap(g, "group");
            String id = id(gm, "group");
            if (!groupIds.add(id)) {
                throw new IllegalArgumentException("duplicate group id " + id);
            }
            groups.add(new IoiGroup(id, names(gm, "group " + id)));
        }
        List<IoiDomain> domains = new ArrayList<>();
        Set<String> domainIds = new LinkedHashSet<>();
        for (Object d : asList(map.get("domains"), "domains")) {
            Map<?, ?> dm = asMap(d, "domain");
            String id = id(dm, "domain");
            if (!domainIds.add(id)) {
                throw new IllegalArgumentException("duplicate domain id " + id);
            }
            Object group = dm.get("group");
            if (!(group instanceof String g) || !groupIds.contains(g)) {
                throw new IllegalArgumentException("domain " + id + " has unknown group " + group);
            }
            List<IoiIndicator> indicators = new ArrayList<>();
            Set<String> indicatorIds = new LinkedHashSet<>();
            Object list = dm.get("indicators");
            for (Object i : list == null ? List.of() : asList(list, "indicators of " + id)) {
                Map<?, ?> im = asMap(i, "indicator of " + id);
                String iid = id(im, "indicator of " + id);
                if (!indicatorIds.add(iid)) {
                    throw new IllegalArgumentException("duplicate indicator " + id + "." + iid);
                }
                indicators.add(new IoiIndicator(iid, names(im, "indicator " + id + "." + iid)));
            }
            domains.add(new IoiDomain(id, (String) group, names(dm, "domain " + id), indicators));
        }
        return new IoiTaxonomy(groups, domains);
    }

    public List<IoiGroup> groups() {
        return groups;
    }

    public List<IoiDomain> domains() {
        return domains;
    }

    public Optional<IoiDomain> domain(String id) {
        return domains.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public Optional<IoiGroup> group(String id) {
        return groups.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** Every valid tag: domain ids and {@code domain.indicator}. */
    public Set<String> tags() {
        return tags;
    }

    /** Whether {@code tag} is a domain id or {@code domain.indicator}. */
    public boolean contains(String tag) {
        return tags.contains(tag);
    }

    /**
     * A likely meant tag: a close spelling, or the full tag when only the indicator was written
     * ({@code skills_match} -> {@code work.skills_match}).
     */
    public Optional<String> suggest(String unknownTag) {
        if (unknownTag == null || unknownTag.isEmpty()) {
            return Optional.empty();
        }
        if (!unknownTag.contains(".")) {
            for (String t : tags) {
                if (t.endsWith("." + unknownTag)) {
                    return Optional.of(t);
                }
            }
        }
        Optional<String> close = Suggestions.closest(unknownTag, tags);
        if (close.isPresent()) {
            return close;
        }
        // a cut-off tag: "work.employment" -> "work.employment_status"
        return tags.stream().filter(t -> t.startsWith(unknownTag)).findFirst();
    }

    private static String id(Map<?, ?> m, String what) {
        Object id = m.get("id");
        if (!(id instanceof String s) || !s.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException(what + " has a missing or invalid id: " + id);
        }
        return s;
    }

    private static Map<String, String> names(Map<?, ?> m, String what) {
        Map<String, String> names = new LinkedHashMap<>();
        Object n = m.get("name");
        if (n instanceof String s) {
            names.put("en", s);
        } else if (n instanceof Map<?, ?> nm) {
            nm.forEach((k, v) -> names.put(String.valueOf(k), String.valueOf(v)));
        } else {
            throw new IllegalArgumentException(what + " needs a name");
        }
        return names;
    }

    private static Map<?, ?> asMap(Object o, String what) {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException(what + " must be a mapping");
    }

    private static List<?> asList(Object o, String what) {
        if (o instanceof List<?> l) {
            return l;
        }
        throw new IllegalArgumentException(what + " must be a list");
    }
}
