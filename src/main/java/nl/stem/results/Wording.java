package nl.stem.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.stem.engine.UiTexts;
import nl.stem.language.Texts;
import nl.stem.survey.model.ConsentQuestion;
import nl.stem.survey.model.MultipleChoiceQuestion;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.ScaleQuestion;
import nl.stem.survey.model.SingleChoiceQuestion;
import nl.stem.survey.model.SurveyVersion;

/**
 * A survey's words in one language, as respondents saw them: question texts, choice labels, scale
 * end points, and the consent buttons (Stem's own texts). Falls back to the survey's source language.
 */
final class Wording {
    private final SurveyVersion version;
    private final UiTexts ui;
    private final String language;

    Wording(SurveyVersion version, UiTexts ui, String language) {
        this.version = version;
        this.ui = ui;
        this.language = version.survey().languages().contains(language) ? language : version.survey().sourceLanguage();
    }

    /** The language the survey's texts are shown in: the one asked for when the survey has it, else its source. */
    String language() {
        return language;
    }

    String title() {
        return text("survey.title", version.survey().title());
    }

    String question(Question q) {
        return text(q.id() + ".text", q.id());
    }

    /** The values a question is counted by, in the survey's order. */
    List<Option> options(Question q) {
        List<Option> out = new ArrayList<>();
        if (q instanceof SingleChoiceQuestion s) {
            s.choices().forEach(c -> out.add(new Option(c.id(), text(q.id() + ".choice." + c.id(), c.label()))));
        } else if (q instanceof MultipleChoiceQuestion m) {
            m.choices().forEach(c -> out.add(new Option(c.id(), text(q.id() + ".choice." + c.id(), c.label()))));
        } else if (q instanceof ConsentQuestion) {
            out.add(new Option("yes", ui("consent.yes", "Yes")));
            out.add(new Option(ResultsQuery.CONSENT_NO, ui("consent.no", "No")));
        } else if (q instanceof ScaleQuestion s) {
            for (int i = s.min(); i <= s.max(); i++) {
                String label = Integer.toString(i);
                if (i == s.min() && s.minLabel() != null) {
                    label += " · " + text(q.id() + ".min_label", s.minLabel());
                } else if (i == s.max() && s.maxLabel() != null) {
                    label += " · " + text(q.id() + ".max_label", s.maxLabel());
                }
                out.add(new Option(Integer.toString(i), label));
            }
        }
        return out;
    }

    private String text(String key, String fallback) {
        String p = version.texts().pattern(language, key);
        if (p == null) {
            return fallback;
        }
        try {
            return Texts.format(language, p, Map.of());
        } catch (RuntimeException e) {
            return p;
        }
    }

    private String ui(String key, String fallback) {
        String p = ui.pattern(language, key);
        return p == null ? fallback : Texts.format(language, p, Map.of());
    }
}
