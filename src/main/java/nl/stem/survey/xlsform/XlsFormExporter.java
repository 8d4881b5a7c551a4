package nl.stem.survey.xlsform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.ibm.icu.util.ULocale;

import nl.stem.survey.logic.ParsedCondition;
import nl.stem.survey.model.Choice;
import nl.stem.survey.model.ConsentQuestion;
import nl.stem.survey.model.InfoQuestion;
import nl.stem.survey.model.MediaQuestion;
import nl.stem.survey.model.MultipleChoiceQuestion;
import nl.stem.survey.model.NumberQuestion;
import nl.stem.survey.model.OpenQuestion;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.ScaleQuestion;
import nl.stem.survey.model.SingleChoiceQuestion;
import nl.stem.survey.model.Survey;
import nl.stem.survey.model.SurveyTexts;
import nl.stem.survey.model.TextQuestion;
import nl.stem.survey.xlsform.XlsFormConditions.Kind;

/**
 * A survey version as an XLSForm that imports back to the same survey: {@code survey},
 * {@code choices} and {@code settings} sheets with a label, hint and constraint_message column per
 * language ({@code label::Arabic (ar)}), and Stem's own columns where the survey uses them
 * ({@code appearance likert}, {@code stem_type open}, {@code consent}, {@code ioi}).
 */
final class XlsFormExporter {
    /** The longest text a text question takes unless it says otherwise (QuestionParser's default). */
    static final int DEFAULT_MAX_LENGTH = 4096;

    private XlsFormExporter() {
    }

    /**
     * @param naLabels Stem's own words for "not applicable" by language, for the {@code na} choice
     *                 of scales (the label is informative only: the import uses Stem's words)
     */
    static Workbook export(Survey survey, SurveyTexts texts, int version, Map<String, String> naLabels) {
        List<String> langs = survey.languages();
        Map<String, Kind> kinds = new LinkedHashMap<>();
        survey.questions().forEach(q -> kinds.put(q.id(), kind(q)));
        boolean hints = survey.questions().stream().anyMatch(q -> has(texts, survey, q.id() + ".hint"));
        boolean messages = survey.questions().stream().anyMatch(q -> has(texts, survey, q.id() + ".constraint_message"));
        boolean scales = survey.questions().stream().anyMatch(q -> q instanceof ScaleQuestion);
        boolean open = survey.questions().stream().anyMatch(q -> q instanceof OpenQuestion);
        boolean images = survey.questions().stream().anyMatch(q -> q instanceof OpenQuestion o && o.images());
        boolean consent = survey.questions().stream().anyMatch(q -> q instanceof ConsentQuestion);
        boolean ioi = survey.questions().stream().anyMatch(q -> !q.head().ioi().isEmpty());
        List<String> audioLangs = langs.stream().filter(l -> survey.questions().stream().anyMatch(q -> q.head().audio().containsKey(l))).toList();

        List<String> header = new ArrayList<>(List.of("type", "name"));
        langs.forEach(l -> header.add("label::" + language(l)));
        if (hints) {
            langs.forEach(l -> header.add("hint::" + language(l)));
        }
        header.add("required");
        header.add("relevant");
        header.add("constraint");
        if (messages) {
            langs.forEach(l -> header.add("constraint_message::" + language(l)));
        }
        if (scales) {
            header.add("appearance");
        }
        if (open) {
            header.add("stem_type");
        }
        if (images) {
            header.add("parameters");
        }
        if (consent) {
            header.add("consent");
        }
        if (ioi) {
            header.add("ioi");
        }
        audioLangs.forEach(l -> header.add("media::audio::" + language(l)));

        List<SheetRow> surveyRows = new ArrayList<>();
        surveyRows.add(row(1, header));
        Lists lists = new Lists(langs);
        int n = 2;
        for (Question q : survey.questions()) {
            Map<String, String> cells = new LinkedHashMap<>();
            cells.put("type", type(q, lists, texts, survey, naLabels));
            cells.put("name", q.id());
            for (String l : langs) {
                cells.put("label::" + language(l), text(texts, l, q.id() + ".text"));
                cells.put("hint::" + language(l), text(texts, l, q.id() + ".hint"));
                cells.put("constraint_message::" + language(l), text(texts, l, q.id() + ".constraint_message"));
            }
            cells.put("required", q.answerable() && !q.head().optional() ? "yes" : "");
            if (q.head().when() instanceof ParsedCondition pc) {
                cells.put("relevant", XlsFormConditions.relevant(pc.expression(), kinds));
            }
            cells.put("constraint", constraint(q));
            if (q instanceof ScaleQuestion) {
                cells.put("appearance", "likert");
            }
            if (q instanceof OpenQuestion o) {
                cells.put("stem_type", "open");
                if (o.images()) {
                    cells.put("parameters", "images=yes");
                }
            }
            if (q instanceof ConsentQuestion) {
                cells.put("consent", "yes");
            }
            cells.put("ioi", String.join(" ", q.head().ioi()));
            for (String l : audioLangs) {
                cells.put("media::audio::" + language(l), q.head().audio().getOrDefault(l, ""));
            }
            List<String> values = new ArrayList<>();
            for (String h : header) {
                values.add(cells.getOrDefault(h, ""));
            }
            surveyRows.add(row(n++, values));
        }

        List<SheetRow> choiceRows = new ArrayList<>();
        List<String> choiceHeader = new ArrayList<>(List.of("list_name", "name"));
        langs.forEach(l -> choiceHeader.add("label::" + language(l)));
        choiceRows.add(row(1, choiceHeader));
        int c = 2;
        for (Map.Entry<String, List<List<String>>> list : lists.byName.entrySet()) {
            for (List<String> choice : list.getValue()) {
                List<String> values = new ArrayList<>();
                values.add(list.getKey());
                values.addAll(choice);
                choiceRows.add(row(c++, values));
            }
        }

        List<String> settingsHeader = new ArrayList<>(List.of("form_title"));
        List<String> settingsValues = new ArrayList<>(List.of(text(texts, survey.sourceLanguage(), "survey.title")));
        for (String l : langs) {
            if (!l.equals(survey.sourceLanguage())) {
                settingsHeader.add("form_title::" + language(l));
                settingsValues.add(text(texts, l, "survey.title"));
            }
        }
        settingsHeader.addAll(List.of("form_id", "version", "default_language", "open_to_anyone"));
        settingsValues.addAll(List.of(survey.id(), version > 0 ? String.valueOf(version) : "",
                language(survey.sourceLanguage()), survey.openToAnyone() ? "yes" : "no"));
        List<SheetRow> settingsRows = List.of(row(1, settingsHeader), row(2, settingsValues));

        return new Workbook(List.of(new Sheet("survey", surveyRows), new Sheet("choices", choiceRows),
                new Sheet("settings", settingsRows)));
    }

    /** {@code Arabic (ar)}: XLSForm's way of naming a language, with its code so it reads back exactly. */
    static String language(String tag) {
        String name = ULocale.forLanguageTag(tag).getDisplayName(ULocale.ENGLISH);
        return (name == null || name.isBlank() ? tag : name) + " (" + tag + ")";
    }

    static Kind kind(Question q) {
        if (q instanceof SingleChoiceQuestion) {
            return Kind.SINGLE;
        }
        if (q instanceof MultipleChoiceQuestion) {
            return Kind.MULTIPLE;
        }
        if (q instanceof ScaleQuestion) {
            return Kind.SCALE;
        }
        if (q instanceof NumberQuestion) {
            return Kind.NUMBER;
        }
        if (q instanceof TextQuestion || q instanceof OpenQuestion) {
            return Kind.TEXT;
        }
        if (q instanceof ConsentQuestion) {
            return Kind.CONSENT;
        }
        if (q instanceof InfoQuestion) {
            return Kind.INFO;
        }
        return Kind.MEDIA;
    }

    private static String type(Question q, Lists lists, SurveyTexts texts, Survey survey, Map<String, String> naLabels) {
        if (q instanceof ConsentQuestion) {
            return "acknowledge";
        }
        if (q instanceof InfoQuestion) {
            return "note";
        }
        if (q instanceof SingleChoiceQuestion s) {
            return "select_one " + lists.choices(q.id(), s.choices(), texts);
        }
        if (q instanceof MultipleChoiceQuestion m) {
            return "select_multiple " + lists.choices(q.id(), m.choices(), texts);
        }
        if (q instanceof ScaleQuestion s) {
            return "select_one " + lists.scale(s, texts, naLabels);
        }
        if (q instanceof NumberQuestion num) {
            return num.decimal() ? "decimal" : "integer";
        }
        if (q instanceof TextQuestion || q instanceof OpenQuestion) {
            return "text";
        }
        return ((MediaQuestion) q).type();
    }

    private static String constraint(Question q) {
        if (q instanceof NumberQuestion num) {
            List<String> parts = new ArrayList<>();
            if (num.min() != null) {
                parts.add(". >= " + num.min().toPlainString());
            }
            if (num.max() != null) {
                parts.add(". <= " + num.max().toPlainString());
            }
            return String.join(" and ", parts);
        }
        int maxLength = q instanceof TextQuestion t ? t.maxLength() : q instanceof OpenQuestion o ? o.maxLength() : DEFAULT_MAX_LENGTH;
        if (maxLength != DEFAULT_MAX_LENGTH) {
            return "string-length(.) <= " + maxLength;
        }
        if (q instanceof MultipleChoiceQuestion m) {
            List<String> parts = new ArrayList<>();
            if (m.min() != 1) {
                parts.add("count-selected(.) >= " + m.min());
            }
            if (m.max() != 0) {
                parts.add("count-selected(.) <= " + m.max());
            }
            return String.join(" and ", parts);
        }
        return "";
    }

    private static boolean has(SurveyTexts texts, Survey survey, String key) {
        Map<String, String> source = texts.byLanguage().get(survey.sourceLanguage());
        return source != null && source.containsKey(key);
    }

    private static String text(SurveyTexts texts, String lang, String key) {
        Map<String, String> byKey = texts.byLanguage().get(lang);
        String v = byKey == null ? null : byKey.get(key);
        return v == null ? "" : v;
    }

    private static SheetRow row(int number, List<String> values) {
        List<SheetCell> cells = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isEmpty()) {
                cells.add(SheetCell.text(i + 1, values.get(i)));
            }
        }
        return new SheetRow(number, cells);
    }

    /** The choice lists, each written once: questions with the same choices and labels share one. */
    private static final class Lists {
        final List<String> langs;
        /** list name -> its rows: name, then a label per language. */
        final Map<String, List<List<String>>> byName = new LinkedHashMap<>();

        Lists(List<String> langs) {
            this.langs = langs;
        }

        String choices(String qid, List<Choice> choices, SurveyTexts texts) {
            List<List<String>> rows = new ArrayList<>();
            for (Choice c : choices) {
                List<String> row = new ArrayList<>();
                row.add(c.id());
                for (String l : langs) {
                    row.add(text(texts, l, qid + ".choice." + c.id()));
                }
                rows.add(row);
            }
            return named(qid, rows);
        }

        String scale(ScaleQuestion s, SurveyTexts texts, Map<String, String> naLabels) {
            List<List<String>> rows = new ArrayList<>();
            for (int i = s.min(); i <= s.max(); i++) {
                List<String> row = new ArrayList<>();
                row.add(String.valueOf(i));
                for (String l : langs) {
                    row.add(i == s.min() ? text(texts, l, s.id() + ".min_label")
                            : i == s.max() ? text(texts, l, s.id() + ".max_label") : String.valueOf(i));
                }
                rows.add(row);
            }
            if (s.notApplicable()) {
                List<String> row = new ArrayList<>();
                row.add("na");
                for (String l : langs) {
                    row.add(naLabels.getOrDefault(l, "n/a"));
                }
                rows.add(row);
            }
            return named(s.id(), rows);
        }

        private String named(String qid, List<List<String>> rows) {
            for (Map.Entry<String, List<List<String>>> e : byName.entrySet()) {
                if (Objects.equals(e.getValue(), rows)) {
                    return e.getKey();
                }
            }
            String name = qid;
            while (byName.containsKey(name)) {
                name = name + "_";
            }
            byName.put(name, rows);
            return name;
        }
    }
}
