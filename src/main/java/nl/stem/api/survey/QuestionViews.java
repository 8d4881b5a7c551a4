package nl.stem.api.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.stem.survey.model.Choice;
import nl.stem.survey.model.MediaQuestion;
import nl.stem.survey.model.MultipleChoiceQuestion;
import nl.stem.survey.model.NumberQuestion;
import nl.stem.survey.model.OpenQuestion;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.ScaleQuestion;
import nl.stem.survey.model.SingleChoiceQuestion;
import nl.stem.survey.model.SurveyVersion;
import nl.stem.survey.model.TextQuestion;

/**
 * A question as plain JSON-able maps: its record fields (without the source line, which moves when
 * unrelated lines change) and its texts in every language. Used by the definition and diff endpoints.
 */
public final class QuestionViews {
    private QuestionViews() {
    }

    /** The question's definition, without texts. */
    public static Map<String, Object> definition(Question q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", q.id());
        m.put("type", q.type());
        m.put("optional", q.head().optional());
        m.put("when", q.head().when() == null ? null : q.head().when().source());
        m.put("ioi", q.head().ioi());
        if (!q.head().audio().isEmpty()) {
            m.put("media_audio", q.head().audio());
        }
        if (q instanceof SingleChoiceQuestion s) {
            m.put("choices", choiceIds(s.choices()));
        } else if (q instanceof MultipleChoiceQuestion mc) {
            m.put("choices", choiceIds(mc.choices()));
            m.put("min", mc.min());
            m.put("max", mc.max());
        } else if (q instanceof ScaleQuestion s) {
            m.put("min", s.min());
            m.put("max", s.max());
            m.put("not_applicable", s.notApplicable());
        } else if (q instanceof NumberQuestion n) {
            m.put("decimal", n.decimal());
            m.put("min", n.min());
            m.put("max", n.max());
        } else if (q instanceof TextQuestion t) {
            m.put("max_length", t.maxLength());
        } else if (q instanceof OpenQuestion o) {
            m.put("max_length", o.maxLength());
            m.put("images", o.images());
        } else if (q instanceof MediaQuestion mq) {
            m.put("kind", mq.type());
        }
        return m;
    }

    /** The question's texts: language -> key -> ICU pattern, for keys {@code <question>.*}. */
    public static Map<String, Map<String, String>> texts(SurveyVersion version, Question q) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        String prefix = q.id() + ".";
        for (String language : version.survey().languages()) {
            Map<String, String> byKey = new java.util.TreeMap<>();
            Map<String, String> all = version.texts().byLanguage().get(language);
            if (all != null) {
                all.forEach((k, v) -> {
                    if (k.startsWith(prefix)) {
                        byKey.put(k, v);
                    }
                });
            }
            out.put(language, byKey);
        }
        return out;
    }

    /** Definition plus texts. */
    public static Map<String, Object> full(SurveyVersion version, Question q) {
        Map<String, Object> m = definition(q);
        m.put("texts", texts(version, q));
        return m;
    }

    private static List<String> choiceIds(List<Choice> choices) {
        List<String> ids = new ArrayList<>();
        choices.forEach(c -> ids.add(c.id()));
        return ids;
    }
}
