package nl.stem.survey;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import nl.stem.survey.model.Question;

/** Reads a survey file into a {@link ParsedSurvey}, reporting every problem with its line. */
final class SurveyParser {
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Set<String> TOP_KEYS = Set.of("id", "title", "source_language", "languages",
            "open_to_anyone", "questions");

    private final String file;
    private final Problems problems;
    private final YamlNodes nodes;
    private final IoiTaxonomy taxonomy;

    SurveyParser(String file, Problems problems, IoiTaxonomy taxonomy) {
        this.file = file;
        this.problems = problems;
        this.nodes = new YamlNodes(file, problems);
        this.taxonomy = taxonomy;
    }

    /** Null when the file is not even a YAML mapping; the problem is then reported. */
    ParsedSurvey parse(String yaml) {
        Node root = compose(yaml);
        if (root == null) {
            return null;
        }
        if (!(root instanceof MappingNode rootMap)) {
            problems.error(file, YamlNodes.line(root), "survey",
                    "a survey file must be a mapping with id, title, source_language, languages and questions; found "
                            + YamlNodes.describe(root));
            return null;
        }
        Map<String, Node> top = nodes.entries(rootMap, "", TOP_KEYS, null);
        int rootLine = YamlNodes.line(root);

        String id = nodes.text(top.get("id"), "id");
        String expected = fileId();
        if (id == null) {
            if (!top.containsKey("id") || YamlNodes.isNull(top.get("id"))) {
                problems.error(file, rootLine, "id", "missing id (it should be '" + expected + "', the file name)");
            }
        } else if (!ID.matcher(id).matches()) {
            problems.error(file, YamlNodes.line(top.get("id")), "id",
                    "invalid id '" + id + "': use lower-case letters, digits and _ , starting with a letter");
        } else if (!id.equals(expected)) {
            problems.error(file, YamlNodes.line(top.get("id")), "id",
                    "id '" + id + "' does not match the file name: it should be '" + expected + "'");
        }

        String title = nodes.text(top.get("title"), "title");
        if (title == null && YamlNodes.isNull(top.get("title"))) {
            problems.error(file, rootLine, "title", "missing title");
        }

        String source = nodes.text(top.get("source_language"), "source_language");
        if (source == null) {
            if (YamlNodes.isNull(top.get("source_language"))) {
                problems.error(file, rootLine, "source_language", "missing source_language (e.g. nl)");
            }
        } else {
            Optional<String> bad = LanguageTags.problem(source);
            if (bad.isPresent()) {
                problems.error(file, YamlNodes.line(top.get("source_language")), "source_language", bad.get());
                source = null;
            }
        }

        Map<String, Integer> languageLines = languages(top.get("languages"), rootLine);
        List<String> languages = new ArrayList<>();
        if (source != null) {
            languages.add(source);
            if (!languageLines.isEmpty() && !languageLines.containsKey(source)) {
                problems.error(file, YamlNodes.line(top.get("languages")), "languages",
                        "languages must include the source language '" + source + "'");
            }
        }
        languageLines.keySet().stream().filter(l -> !languages.contains(l)).forEach(languages::add);

        Boolean open = nodes.bool(top.get("open_to_anyone"), "open_to_anyone");

        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        if (title != null) {
            texts.put("survey.title", title);
            keyLines.put("survey.title", YamlNodes.line(top.get("title")));
        }
        List<Question> questions = questions(top.get("questions"), rootLine, texts, keyLines, languages);
        return new ParsedSurvey(id, title, source, languages, languageLines, open != null && open,
                questions, texts, keyLines);
    }

    private Node compose(String yaml) {
        String text = yaml == null ? "" : yaml;
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (!YamlBounds.check(file, text, problems)) {
            return null;
        }
        try {
            // compose() builds nodes only, never Java objects; the SafeConstructor is belt and braces
            Node root = new Yaml(new SafeConstructor(YamlBounds.options())).compose(new StringReader(text));
            if (root == null) {
                problems.error(file, 1, "survey", "the survey file is empty");
            }
            return root;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1
                    : e.getContextMark() != null ? e.getContextMark().getLine() + 1 : 1;
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
            problems.error(file, line, "survey", "invalid YAML: " + what + context);
        } catch (YAMLException e) {
            problems.error(file, 1, "survey", "invalid YAML: " + e.getMessage());
        }
        return null;
    }

    /** Language -> line, in the order listed; bad tags are reported and left out. */
    private Map<String, Integer> languages(Node node, int rootLine) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (YamlNodes.isNull(node)) {
            problems.error(file, rootLine, "languages", "missing languages (e.g. [nl, en, ar])");
            return out;
        }
        if (!(node instanceof SequenceNode seq)) {
            problems.error(file, YamlNodes.line(node), "languages", "languages must be a list, e.g. [nl, en, ar]");
            return out;
        }
        if (seq.getValue().isEmpty()) {
            problems.error(file, YamlNodes.line(node), "languages", "languages is empty");
        }
        for (Node n : seq.getValue()) {
            String tag = nodes.text(n, "languages");
            if (tag == null) {
                continue;
            }
            Optional<String> bad = LanguageTags.problem(tag);
            if (bad.isPresent()) {
                problems.error(file, YamlNodes.line(n), "languages." + tag, bad.get());
            } else if (out.containsKey(tag)) {
                problems.error(file, YamlNodes.line(n), "languages." + tag, "language '" + tag + "' is listed twice");
            } else {
                out.put(tag, YamlNodes.line(n));
            }
        }
        return out;
    }

    private List<Question> questions(Node node, int rootLine, Map<String, String> texts, Map<String, Integer> keyLines,
                                     List<String> languages) {
        List<Question> out = new ArrayList<>();
        if (YamlNodes.isNull(node)) {
            problems.error(file, rootLine, "questions", "missing questions");
            return out;
        }
        if (!(node instanceof SequenceNode seq)) {
            problems.error(file, YamlNodes.line(node), "questions", "questions must be a list");
            return out;
        }
        if (seq.getValue().isEmpty()) {
            problems.error(file, YamlNodes.line(node), "questions", "a survey needs at least one question");
        }
        QuestionParser qp = new QuestionParser(file, problems, nodes, taxonomy, texts, keyLines, languages);
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node qn = seq.getValue().get(i);
            ParsedQuestion r = qp.parse(qn, i);
            ids.add(r.id());
            types.add(r.type());
            if (r.id() != null) {
                Integer first = seen.putIfAbsent(r.id(), YamlNodes.line(qn));
                if (first != null) {
                    problems.error(file, r.idLine(), "questions." + r.id() + ".id",
                            "duplicate question id '" + r.id() + "' (first at line " + first + ")");
                }
            }
            if (r.question() != null) {
                out.add(r.question());
            }
        }
        new ConditionChecks(file, problems).check(qp.conditions(), ids, types, out);
        return out;
    }

    /** The survey id the file name implies: {@code surveys/x.yaml} -> {@code x}. */
    private String fileId() {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : name;
    }
}
