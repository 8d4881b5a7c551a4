package nl.stem.survey;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reading values from SnakeYAML nodes (not constructed objects), so every value keeps its line and
 * nothing but plain scalars, lists and mappings is ever built. Each reader reports its own problem
 * and returns null when the value is unusable.
 */
final class YamlNodes {
    private final String file;
    private final Problems problems;

    YamlNodes(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    static int line(Node n) {
        return n.getStartMark().getLine() + 1;
    }

    static boolean isNull(Node n) {
        return n == null || (n instanceof ScalarNode s && (s.getTag().equals(Tag.NULL) || s.getValue().isEmpty()));
    }

    static String describe(Node n) {
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        return "'" + ((ScalarNode) n).getValue() + "'";
    }

    /**
     * The entries of a mapping by key. Reports keys that are not scalars, repeated keys, and keys
     * not in {@code allowed} (with a hint when {@code otherwise} explains why, e.g. another type).
     */
    Map<String, Node> entries(MappingNode m, String path, Set<String> allowed, java.util.function.Function<String, String> otherwise) {
        Map<String, Node> out = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            String keyPath = path.isEmpty() ? "" : path + ".";
            if (!(k instanceof ScalarNode ks)) {
                problems.error(file, line(k), path.isEmpty() ? "survey" : path, "keys must be plain words, found " + describe(k));
                continue;
            }
            String key = ks.getValue();
            if (firstLine.containsKey(key)) {
                problems.error(file, line(k), keyPath + key, "duplicate key '" + key + "' (first at line " + firstLine.get(key) + ")");
                continue;
            }
            firstLine.put(key, line(k));
            if (!allowed.contains(key)) {
                String hint = otherwise == null ? null : otherwise.apply(key);
                problems.error(file, line(k), keyPath + key, hint != null ? hint
                        : "unknown key '" + key + "'" + Suggestions.didYouMean(key, allowed));
                continue;
            }
            out.put(key, t.getValueNode());
        }
        return out;
    }

    /** A scalar as text; null (with a problem) for lists and mappings; null (silently) when absent. */
    String text(Node n, String key) {
        if (isNull(n)) {
            return null;
        }
        if (n instanceof ScalarNode s) {
            return s.getValue();
        }
        problems.error(file, line(n), key, "expected text, found " + describe(n));
        return null;
    }

    Boolean bool(Node n, String key) {
        String s = text(n, key);
        if (s == null) {
            return null;
        }
        // only true/false: YAML 1.1's yes/no/on/off surprise people ("no" is also a choice id)
        if (s.equals("true") || s.equals("false")) {
            return Boolean.valueOf(s);
        }
        problems.error(file, line(n), key, "expected true or false, found '" + s + "'");
        return null;
    }

    Integer integer(Node n, String key) {
        String s = text(n, key);
        if (s == null) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            problems.error(file, line(n), key, "expected a whole number, found '" + s + "'");
            return null;
        }
    }

    BigDecimal decimal(Node n, String key) {
        String s = text(n, key);
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            problems.error(file, line(n), key, "expected a number, found '" + s + "'");
            return null;
        }
    }
}
