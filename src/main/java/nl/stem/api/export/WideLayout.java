package nl.stem.api.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.stem.survey.PublishedSurvey;
import nl.stem.survey.model.Choice;
import nl.stem.survey.model.MultipleChoiceQuestion;
import nl.stem.survey.model.NumberQuestion;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.ScaleQuestion;
import nl.stem.survey.model.SingleChoiceQuestion;
import nl.stem.survey.model.SurveyVersion;

/**
 * The variables of the exported versions: their answerable questions, a union in order when there
 * are several versions (a question new in a later version goes after the question it follows there).
 */
public final class WideLayout {
    /** The columns before the questions in the wide CSV. */
    public static final List<String> FIXED = List.of("respondent", "wave", "session", "survey", "survey_version",
            "language", "channel", "session_status", "started_at", "completed_at");

    private final List<QuestionColumn> columns;
    private final List<Variable> variables;

    public WideLayout(List<PublishedSurvey> versions) {
        List<String> order = new ArrayList<>();
        Map<String, QuestionColumn> byId = new LinkedHashMap<>();
        for (PublishedSurvey p : versions) {
            SurveyVersion v = p.version();
            String previous = null;
            for (Question q : v.survey().questions()) {
                if (!q.answerable()) {
                    continue;
                }
                QuestionColumn known = byId.get(q.id());
                if (known == null) {
                    int at = previous == null ? 0 : order.indexOf(previous) + 1;
                    order.add(at, q.id());
                    byId.put(q.id(), new QuestionColumn(q, v, choices(q), List.of(v.version())));
                } else {
                    List<Choice> union = new ArrayList<>(known.choices());
                    for (Choice c : choices(q)) {
                        if (union.stream().noneMatch(u -> u.id().equals(c.id()))) {
                            union.add(c);
                        }
                    }
                    List<Integer> vs = new ArrayList<>(known.versions());
                    vs.add(v.version());
                    byId.put(q.id(), new QuestionColumn(q, v, union, vs));
                }
                previous = q.id();
            }
        }
        columns = order.stream().map(byId::get).toList();
        List<Variable> vars = new ArrayList<>();
        for (QuestionColumn c : columns) {
            Question q = c.question();
            vars.add(new Variable(c.id(), c, null, q instanceof ScaleQuestion || q instanceof NumberQuestion));
            if (q instanceof MultipleChoiceQuestion) {
                for (Choice ch : c.choices()) {
                    vars.add(new Variable(c.id() + "/" + ch.id(), c, ch.id(), true));
                }
            }
        }
        variables = List.copyOf(vars);
    }

    public List<QuestionColumn> columns() {
        return columns;
    }

    public List<Variable> variables() {
        return variables;
    }

    /** The wide CSV's header: fixed columns, then every variable. */
    public List<String> header() {
        List<String> h = new ArrayList<>(FIXED);
        variables.forEach(v -> h.add(v.name()));
        return h;
    }

    private static List<Choice> choices(Question q) {
        if (q instanceof SingleChoiceQuestion s) {
            return s.choices();
        }
        if (q instanceof MultipleChoiceQuestion m) {
            return m.choices();
        }
        return List.of();
    }
}
