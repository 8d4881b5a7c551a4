package nl.stem.survey;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Bounds on a survey file before it is composed into nodes: its size, how deep its mappings and
 * lists nest, and how many aliases it uses (a "billion laughs" file expands a few lines into
 * millions of nodes). A real survey nests five levels (survey, questions, question, choices, choice)
 * and uses no aliases.
 *
 * <p>The nesting is measured on SnakeYAML's event stream, which its parser produces with an explicit
 * stack, not recursion, so a file of a million {@code [} is read without a stack overflow and the
 * problem names the line and the key path where the limit was passed. The composer gets the same
 * limits as a second line of defence.
 */
final class YamlBounds {
    static final int MAX_CHARS = 1_000_000;
    static final int MAX_DEPTH = 20;
    static final int MAX_ALIASES = 20;

    private YamlBounds() {
    }

    /** The options every survey YAML is composed with. */
    static LoaderOptions options() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit(MAX_CHARS + 1);
        o.setNestingDepthLimit(MAX_DEPTH + 5);
        o.setMaxAliasesForCollections(MAX_ALIASES);
        o.setAllowRecursiveKeys(false);
        return o;
    }

    /** Reports what breaks a bound as an error; true when the file is within them. */
    static boolean check(String file, String text, Problems problems) {
        if (text.length() > MAX_CHARS) {
            problems.error(file, 1, "survey", "the survey file has " + text.length() + " characters; at most " + MAX_CHARS);
            return false;
        }
        /* One frame per open mapping or list: its key path so far, and for a mapping whether a key is next. */
        Deque<Frame> open = new ArrayDeque<>();
        try {
            for (Event e : new Yaml(options()).parse(new StringReader(text))) {
                if (e instanceof CollectionStartEvent) {
                    String path = open.isEmpty() ? "" : open.peek().childPath();
                    if (open.size() + 1 > MAX_DEPTH) {
                        problems.error(file, e.getStartMark().getLine() + 1, path.isEmpty() ? "survey" : path,
                                "mappings and lists nested deeper than " + MAX_DEPTH + " levels");
                        return false;
                    }
                    open.push(new Frame(path, e instanceof MappingStartEvent));
                } else if (e instanceof CollectionEndEvent) {
                    open.pop();
                    if (!open.isEmpty()) {
                        open.peek().valueDone();
                    }
                } else if (e instanceof ScalarEvent s && !open.isEmpty()) {
                    open.peek().scalar(s.getValue());
                } else if (e instanceof NodeEvent && !open.isEmpty()) {
                    open.peek().valueDone(); // an alias
                }
            }
        } catch (YAMLException | IllegalStateException | java.util.NoSuchElementException e) {
            // A syntax error: composing reports it with its line.
        }
        return true;
    }

    private static final class Frame {
        final String path;
        final boolean mapping;
        boolean keyNext = true;
        String key;
        int index;

        Frame(String path, boolean mapping) {
            this.path = path;
            this.mapping = mapping;
        }

        String childPath() {
            String child = mapping ? (key == null ? "?" : key) : "[" + index + "]";
            return path.isEmpty() ? child : mapping ? path + "." + child : path + child;
        }

        void scalar(String value) {
            if (mapping && keyNext) {
                key = value.length() > 40 ? value.substring(0, 40) : value;
                keyNext = false;
            } else {
                valueDone();
            }
        }

        void valueDone() {
            if (mapping) {
                keyNext = true;
            } else {
                index++;
            }
        }
    }
}
