package nl.stem.survey;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import nl.stem.survey.logic.ConditionParser;
import nl.stem.survey.logic.ConditionSyntaxException;
import nl.stem.survey.logic.ParsedCondition;
import nl.stem.survey.model.Choice;
import nl.stem.survey.model.ConsentQuestion;
import nl.stem.survey.model.InfoQuestion;
import nl.stem.survey.model.MediaKind;
import nl.stem.survey.model.MediaQuestion;
import nl.stem.survey.model.MultipleChoiceQuestion;
import nl.stem.survey.model.NumberQuestion;
import nl.stem.survey.model.OpenQuestion;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.QuestionHead;
import nl.stem.survey.model.ScaleQuestion;
import nl.stem.survey.model.SingleChoiceQuestion;
import nl.stem.survey.model.TextQuestion;

/** Reads one entry of {@code questions} into a model record. */
final class QuestionParser {
    static final int MAX_TEXT_LENGTH = 4096;
    private static final Set<String> COMMON = Set.of("id", "type", "text", "hint", "optional", "when", "ioi", "media_audio");
    /** Longest file name of a recorded prompt ({@code media_audio}). */
    static final int MAX_MEDIA_NAME = 255;
    private static final Map<String, Set<String>> TYPE_KEYS = typeKeys();
    /** Button values Stem itself puts next to choices; a choice with such an id would be ambiguous. */
    /** Keywords of {@code when:} conditions; a question with such an id could not be referred to. */
    private static final Set<String> RESERVED_IDS = Set.of("and", "or", "not", "in");
    private static final Set<String> RESERVED_CHOICE_IDS = Set.of("skip", "done");

    private final String file;
    private final Problems problems;
    private final YamlNodes nodes;
    private final IoiTaxonomy taxonomy;
    private final Map<String, String> texts;
    private final Map<String, Integer> keyLines;
    private final List<PendingCondition> conditions = new ArrayList<>();
    private final List<String> languages;

    QuestionParser(String file, Problems problems, YamlNodes nodes, IoiTaxonomy taxonomy,
                   Map<String, String> texts, Map<String, Integer> keyLines, List<String> languages) {
        this.languages = languages;
        this.file = file;
        this.problems = problems;
        this.nodes = nodes;
        this.taxonomy = taxonomy;
        this.texts = texts;
        this.keyLines = keyLines;
    }

    List<PendingCondition> conditions() {
        return conditions;
    }

    ParsedQuestion parse(Node node, int index) {
        int line = YamlNodes.line(node);
        if (!(node instanceof MappingNode m)) {
            problems.error(file, line, "questions[" + (index + 1) + "]",
                    "each question must be a mapping with id, type and text, found " + YamlNodes.describe(node));
            return new ParsedQuestion(null, line, null, null);
        }
        int errorsBefore = problems.list().size();
        // id and type first: the id names the problems, the type decides which keys are allowed
        Node idNode = peek(m, "id");
        String rawId = idNode instanceof ScalarNode s && !YamlNodes.isNull(s) ? s.getValue() : null;
        String path = "questions." + (rawId != null ? rawId : "[" + (index + 1) + "]");
        String id = null;
        if (rawId == null) {
            problems.error(file, line, path + ".id", "question " + (index + 1) + " has no id");
        } else if (!SurveyParser.ID.matcher(rawId).matches()) {
            problems.error(file, YamlNodes.line(idNode), path + ".id",
                    "invalid question id '" + rawId + "': use lower-case letters, digits and _ , starting with a letter");
        } else if (RESERVED_IDS.contains(rawId)) {
            problems.error(file, YamlNodes.line(idNode), path + ".id",
                    "question id '" + rawId + "' is a word of the condition language (and, or, not, in): choose another");
        } else {
            id = rawId;
        }
        int idLine = idNode == null ? line : YamlNodes.line(idNode);

        Node typeNode = peek(m, "type");
        String type = nodes.text(typeNode, path + ".type");
        boolean known = type != null && TYPE_KEYS.containsKey(type);
        if (type == null && YamlNodes.isNull(typeNode)) {
            problems.error(file, line, path + ".type", "missing type (one of " + String.join(", ", TYPE_KEYS.keySet()) + ")");
        } else if (type != null && !known) {
            problems.error(file, YamlNodes.line(typeNode), path + ".type",
                    "unknown question type '" + type + "'" + Suggestions.didYouMean(type, TYPE_KEYS.keySet()));
        }
        Set<String> allowed = new TreeSet<>(COMMON);
        if (known) {
            allowed.addAll(TYPE_KEYS.get(type));
        } else {
            TYPE_KEYS.values().forEach(allowed::addAll); // unknown type: don't pile key errors on top
        }
        String shownType = type;
        Map<String, Node> e = nodes.entries(m, path, allowed, key -> TYPE_KEYS.values().stream().anyMatch(k -> k.contains(key))
                ? "key '" + key + "' does not apply to " + article(shownType) + " " + shownType + " question" : null);

        String text = nodes.text(e.get("text"), path + ".text");
        if (text == null && YamlNodes.isNull(e.get("text"))) {
            problems.error(file, line, path + ".text", "missing text");
        }
        String keyPrefix = id != null ? id : rawId != null ? rawId : "[" + (index + 1) + "]";
        putText(keyPrefix + ".text", text, e.get("text"));
        putText(keyPrefix + ".hint", nodes.text(e.get("hint"), path + ".hint"), e.get("hint"));
        if (e.containsKey("constraint_message")) {
            putText(keyPrefix + ".constraint_message", nodes.text(e.get("constraint_message"), path + ".constraint_message"),
                    e.get("constraint_message"));
        }
        Map<String, String> audio = audio(e.get("media_audio"), path + ".media_audio");

        Boolean optional = nodes.bool(e.get("optional"), path + ".optional");
        if (Boolean.TRUE.equals(optional) && ("consent".equals(type) || "info".equals(type))) {
            problems.error(file, YamlNodes.line(e.get("optional")), path + ".optional",
                    article(type) + " " + type + " question cannot be optional");
        }
        ParsedCondition when = condition(e.get("when"), path + ".when", id, index);
        List<String> ioi = ioi(e.get("ioi"), path + ".ioi", type);

        Question q = null;
        if (known) {
            QuestionHead head = new QuestionHead(id, Boolean.TRUE.equals(optional), when, ioi, line, audio);
            q = build(type, head, e, path, keyPrefix, line);
            if (e.containsKey("constraint_message") && !hasBounds(q)) {
                problems.warning(file, YamlNodes.line(e.get("constraint_message")), path + ".constraint_message",
                        "constraint_message is shown when an answer is out of bounds, and this question sets none (min, max or max_length)");
            }
        }
        boolean clean = problems.list().size() == errorsBefore || problems.list().subList(errorsBefore,
                problems.list().size()).stream().noneMatch(SurveyProblem::isError);
        return new ParsedQuestion(id, idLine, known ? type : null, clean && id != null && text != null ? q : null);
    }

    private Question build(String type, QuestionHead head, Map<String, Node> e, String path, String keyPrefix, int line) {
        return switch (type) {
            case "consent" -> new ConsentQuestion(head);
            case "info" -> new InfoQuestion(head);
            case "single_choice" -> new SingleChoiceQuestion(head, choices(e.get("choices"), path, keyPrefix, type, line));
            case "multiple_choice" -> multipleChoice(head, e, path, keyPrefix, line);
            case "scale" -> scale(head, e, path, keyPrefix, line);
            case "number" -> number(head, e, path);
            case "text" -> new TextQuestion(head, maxLength(e.get("max_length"), path));
            case "audio" -> new MediaQuestion(head, MediaKind.AUDIO);
            case "video" -> new MediaQuestion(head, MediaKind.VIDEO);
            case "image" -> new MediaQuestion(head, MediaKind.IMAGE);
            case "open" -> new OpenQuestion(head, maxLength(e.get("max_length"), path),
                    Boolean.TRUE.equals(nodes.bool(e.get("images"), path + ".images")));
            default -> throw new IllegalStateException(type);
        };
    }

    private List<Choice> choices(Node node, String path, String keyPrefix, String type, int line) {
        List<Choice> out = new ArrayList<>();
        String key = path + ".choices";
        if (YamlNodes.isNull(node)) {
            problems.error(file, line, key, "missing choices: " + type + " needs at least 2 choices");
            return out;
        }
        if (!(node instanceof SequenceNode seq)) {
            problems.error(file, YamlNodes.line(node), key, "choices must be a list of {id, label}");
            return out;
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Node cn : seq.getValue()) {
            int cl = YamlNodes.line(cn);
            if (!(cn instanceof MappingNode cm)) {
                problems.error(file, cl, key, "each choice must be a mapping {id: ..., label: ...}, found " + YamlNodes.describe(cn));
                continue;
            }
            // the id first, so that problems with the other keys can name the choice
            Node idNode = peek(cm, "id");
            String peeked = idNode instanceof ScalarNode s && !YamlNodes.isNull(s) ? s.getValue() : null;
            String ckey = key + "." + (peeked == null ? "[" + (seq.getValue().indexOf(cn) + 1) + "]" : peeked);
            Map<String, Node> ce = nodes.entries(cm, ckey, new TreeSet<>(Set.of("id", "label")), null);
            String cid = nodes.text(ce.get("id"), ckey);
            String label = nodes.text(ce.get("label"), ckey + ".label");
            if (cid == null) {
                problems.error(file, cl, ckey, "choice without id");
                continue;
            }
            if (!cid.matches("[a-z0-9][a-z0-9_]*")) {
                problems.error(file, cl, ckey, "invalid choice id '" + cid + "': use lower-case letters, digits and _");
                continue;
            }
            if (RESERVED_CHOICE_IDS.contains(cid)) {
                problems.error(file, cl, ckey, "choice id '" + cid + "' is reserved for Stem's own " + cid + " button");
            }
            Integer first = seen.putIfAbsent(cid, cl);
            if (first != null) {
                problems.error(file, cl, ckey, "duplicate choice id '" + cid + "' (first at line " + first + ")");
                continue;
            }
            if (label == null) {
                problems.error(file, cl, ckey, "choice '" + cid + "' has no label");
                continue;
            }
            putText(keyPrefix + ".choice." + cid, label, cn);
            out.add(new Choice(cid, label));
        }
        if (seen.size() < 2) {
            problems.error(file, YamlNodes.line(node), key, type + " needs at least 2 choices");
        }
        return out;
    }

    private Question multipleChoice(QuestionHead head, Map<String, Node> e, String path, String keyPrefix, int line) {
        List<Choice> choices = choices(e.get("choices"), path, keyPrefix, "multiple_choice", line);
        Integer min = nodes.integer(e.get("min"), path + ".min");
        Integer max = nodes.integer(e.get("max"), path + ".max");
        int lo = min == null ? 1 : min;
        int hi = max == null ? 0 : max;
        int n = choices.size();
        if (n >= 2 && (lo < 1 || lo > n)) {
            problems.error(file, YamlNodes.line(e.get("min")), path + ".min",
                    "min must be between 1 and " + n + " (the number of choices), found " + lo);
        }
        if (n >= 2 && hi != 0 && (hi < lo || hi > n)) {
            problems.error(file, YamlNodes.line(e.get("max")), path + ".max",
                    "max must be 0 (no limit) or between min (" + lo + ") and " + n + " (the number of choices), found " + hi);
        }
        return new MultipleChoiceQuestion(head, choices, lo, hi);
    }

    private Question scale(QuestionHead head, Map<String, Node> e, String path, String keyPrefix, int line) {
        Integer min = nodes.integer(e.get("min"), path + ".min");
        Integer max = nodes.integer(e.get("max"), path + ".max");
        int lo = min == null ? 1 : min;
        int hi = max == null ? 5 : max;
        int points = hi - lo + 1;
        if (points < 2 || points > 11) {
            Node at = e.get("max") != null ? e.get("max") : e.get("min");
            problems.error(file, at == null ? line : YamlNodes.line(at), path + (e.get("max") != null ? ".max" : ".min"),
                    "a scale needs 2 to 11 points; min " + lo + " and max " + hi + " give " + points);
        }
        String minLabel = label(e, "min_label", path, keyPrefix, line);
        String maxLabel = label(e, "max_label", path, keyPrefix, line);
        Boolean na = nodes.bool(e.get("not_applicable"), path + ".not_applicable");
        return new ScaleQuestion(head, lo, hi, minLabel, maxLabel, Boolean.TRUE.equals(na));
    }

    private String label(Map<String, Node> e, String name, String path, String keyPrefix, int line) {
        String s = nodes.text(e.get(name), path + "." + name);
        if (s == null && YamlNodes.isNull(e.get(name))) {
            problems.error(file, line, path + "." + name, "missing " + name + ": a scale needs labelled end points");
        }
        putText(keyPrefix + "." + name, s, e.get(name));
        return s;
    }

    private Question number(QuestionHead head, Map<String, Node> e, String path) {
        BigDecimal min = nodes.decimal(e.get("min"), path + ".min");
        BigDecimal max = nodes.decimal(e.get("max"), path + ".max");
        Boolean decimal = nodes.bool(e.get("decimal"), path + ".decimal");
        if (min != null && max != null && min.compareTo(max) > 0) {
            problems.error(file, YamlNodes.line(e.get("min")), path + ".min",
                    "min " + min.toPlainString() + " is greater than max " + max.toPlainString());
        }
        if (!Boolean.TRUE.equals(decimal)) {
            for (String k : List.of("min", "max")) {
                BigDecimal v = k.equals("min") ? min : max;
                if (v != null && v.stripTrailingZeros().scale() > 0) {
                    problems.warning(file, YamlNodes.line(e.get(k)), path + "." + k,
                            k + " " + v.toPlainString() + " is not a whole number but the question asks for one (set decimal: true?)");
                }
            }
        }
        return new NumberQuestion(head, Boolean.TRUE.equals(decimal), min, max);
    }

    private int maxLength(Node node, String path) {
        Integer n = nodes.integer(node, path + ".max_length");
        if (n == null) {
            return MAX_TEXT_LENGTH;
        }
        if (n < 1 || n > MAX_TEXT_LENGTH) {
            problems.error(file, YamlNodes.line(node), path + ".max_length",
                    "max_length must be between 1 and " + MAX_TEXT_LENGTH + ", found " + n);
            return MAX_TEXT_LENGTH;
        }
        return n;
    }

    /** Whether the question has bounds its constraint_message can speak for. */
    private static boolean hasBounds(Question q) {
        if (q instanceof NumberQuestion n) {
            return n.min() != null || n.max() != null;
        }
        if (q instanceof TextQuestion t) {
            return t.maxLength() < MAX_TEXT_LENGTH;
        }
        if (q instanceof OpenQuestion o) {
            return o.maxLength() < MAX_TEXT_LENGTH;
        }
        if (q instanceof MultipleChoiceQuestion m) {
            return m.min() > 1 || m.max() > 0;
        }
        return false;
    }

    /**
     * {@code media_audio: {nl: intro_nl.mp3, ar: intro_ar.mp3}}: a recorded prompt per language, as
     * XLSForm's {@code media::audio::<language>} columns give them: files in the survey's media folder
     * ({@code <surveys>/<id>-media/}), sent as a voice note before the question ({@link PromptChecks}).
     */
    private Map<String, String> audio(Node node, String key) {
        Map<String, String> out = new java.util.TreeMap<>();
        if (YamlNodes.isNull(node)) {
            return out;
        }
        if (!(node instanceof MappingNode m)) {
            problems.error(file, YamlNodes.line(node), key, "media_audio must map languages to file names, e.g. {ar: intro_ar.mp3}");
            return out;
        }
        Map<String, Node> entries = nodes.entries(m, key, new TreeSet<>(languages), lang ->
                "media_audio for '" + lang + "', which is not one of the survey's languages (" + String.join(", ", languages) + ")");
        entries.forEach((lang, v) -> {
            String name = nodes.text(v, key + "." + lang);
            if (name == null) {
                return;
            }
            if (name.length() > MAX_MEDIA_NAME || name.contains("/") || name.contains("\\") || name.isBlank()) {
                problems.error(file, YamlNodes.line(v), key + "." + lang, "media_audio for " + lang
                        + " must be a file name (at most " + MAX_MEDIA_NAME + " characters, no folders), found '"
                        + (name.length() > 60 ? name.substring(0, 60) + "..." : name) + "'");
                return;
            }
            out.put(lang, name);
            // Where this recording is named, for the prompt checks' messages (not a translation key).
            keyLines.putIfAbsent(key + "." + lang, YamlNodes.line(v));
        });
        return out;
    }

    private ParsedCondition condition(Node node, String key, String id, int index) {
        String src = nodes.text(node, key);
        if (src == null) {
            return null;
        }
        try {
            ParsedCondition c = ConditionParser.parse(src);
            conditions.add(new PendingCondition(id, index, c, YamlNodes.line(node), key));
            return c;
        } catch (ConditionSyntaxException ex) {
            problems.error(file, YamlNodes.line(node), key, "invalid condition: " + ex.getMessage());
            return null;
        }
    }

    private List<String> ioi(Node node, String key, String type) {
        List<String> tags = new ArrayList<>();
        if (YamlNodes.isNull(node)) {
            return tags;
        }
        List<Node> items = node instanceof SequenceNode s ? s.getValue() : List.of(node);
        for (Node n : items) {
            String tag = nodes.text(n, key);
            if (tag == null) {
                continue;
            }
            if (!taxonomy.contains(tag)) {
                String hint = taxonomy.suggest(tag).map(t -> " (did you mean " + t + "?)").orElse("");
                problems.error(file, YamlNodes.line(n), key, "unknown IoI tag '" + tag + "'" + hint);
            } else if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        if ("info".equals(type) && !tags.isEmpty()) {
            // info questions store no answer, so there is nothing to tag
            problems.warning(file, YamlNodes.line(node), key, "IoI tags on an info question are ignored: it has no answer");
            tags.clear();
        }
        return tags;
    }

    private void putText(String key, String text, Node node) {
        if (text != null) {
            texts.putIfAbsent(key, text);
            keyLines.putIfAbsent(key, YamlNodes.line(node));
        }
    }

    private static String article(String word) {
        return word != null && !word.isEmpty() && "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    private static Node peek(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }

    private static Map<String, Set<String>> typeKeys() {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put("consent", Set.of());
        m.put("info", Set.of());
        m.put("single_choice", Set.of("choices"));
        m.put("multiple_choice", Set.of("choices", "min", "max", "constraint_message"));
        m.put("scale", Set.of("min", "max", "min_label", "max_label", "not_applicable"));
        m.put("number", Set.of("min", "max", "decimal", "constraint_message"));
        m.put("text", Set.of("max_length", "constraint_message"));
        m.put("audio", Set.of());
        m.put("video", Set.of());
        m.put("image", Set.of());
        m.put("open", Set.of("max_length", "images", "constraint_message"));
        return java.util.Collections.unmodifiableMap(m);
    }
}
