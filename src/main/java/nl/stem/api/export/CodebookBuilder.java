package nl.stem.api.export;

import java.util.ArrayList;
import java.util.List;

import com.ibm.icu.util.ULocale;

import nl.stem.survey.model.Choice;
import nl.stem.survey.model.ConsentQuestion;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.ScaleQuestion;
import nl.stem.survey.model.SurveyVersion;

/** Builds the {@link Codebook} from the exported versions' definitions and texts. */
public final class CodebookBuilder {
    private CodebookBuilder() {
    }

    public static Codebook build(ExportFilter f) {
        WideLayout layout = new WideLayout(f.versions());
        SurveyVersion nv = f.newest().version();
        List<Codebook.Entry> entries = new ArrayList<>();
        for (Variable v : layout.variables()) {
            QuestionColumn c = v.column();
            Question q = c.question();
            SurveyVersion sv = c.version();
            if (v.choice() == null) {
                entries.add(new Codebook.Entry(v.name(), q.id(), q.type(), q.head().optional(),
                        texts(sv, q.id() + ".text"), valueLabels(sv, q, c.choices()),
                        q.head().when() == null ? null : q.head().when().source(), q.head().ioi(), c.versions()));
            } else {
                List<Codebook.Text> text = new ArrayList<>();
                for (String lang : sv.survey().languages()) {
                    String question = pattern(sv, lang, q.id() + ".text");
                    String choice = pattern(sv, lang, q.id() + ".choice." + v.choice());
                    text.add(new Codebook.Text(lang, question + " — " + choice, rtl(lang)));
                }
                List<Codebook.ValueLabel> labels = List.of(
                        new Codebook.ValueLabel("0", List.of(new Codebook.Text("en", "not chosen", false))),
                        new Codebook.ValueLabel("1", List.of(new Codebook.Text("en", "chosen", false))));
                entries.add(new Codebook.Entry(v.name(), q.id(), "choice_indicator", q.head().optional(), text, labels,
                        q.head().when() == null ? null : q.head().when().source(), q.head().ioi(), c.versions()));
            }
        }
        List<Integer> versions = f.versions().stream().map(p -> p.version().version()).toList();
        return new Codebook(f.surveyId(), nv.survey().title(), versions, nv.survey().sourceLanguage(), nv.survey().languages(),
                WideLayout.FIXED, MissingCodes.ALL, entries);
    }

    /** The variable's label in the source language (SPSS and Stata use it). */
    public static String sourceText(Codebook codebook, Codebook.Entry e) {
        return e.text().stream().filter(t -> t.language().equals(codebook.sourceLanguage())).map(Codebook.Text::text)
                .findFirst().orElse(e.name());
    }

    /** A value's label in the source language, or the first one there is. */
    public static String sourceLabel(Codebook codebook, Codebook.ValueLabel l) {
        return l.labels().stream().filter(t -> t.language().equals(codebook.sourceLanguage())).map(Codebook.Text::text)
                .findFirst().orElse(l.labels().isEmpty() ? l.value() : l.labels().get(0).text());
    }

    private static List<Codebook.ValueLabel> valueLabels(SurveyVersion sv, Question q, List<Choice> choices) {
        List<Codebook.ValueLabel> out = new ArrayList<>();
        if (q instanceof ConsentQuestion) {
            out.add(new Codebook.ValueLabel("yes", List.of(new Codebook.Text("en", "consent given", false))));
        }
        for (Choice c : choices) {
            List<Codebook.Text> labels = texts(sv, q.id() + ".choice." + c.id());
            if (labels.stream().allMatch(t -> t.text().isEmpty())) {
                labels = List.of(new Codebook.Text(sv.survey().sourceLanguage(), c.label(), rtl(sv.survey().sourceLanguage())));
            }
            out.add(new Codebook.ValueLabel(c.id(), labels));
        }
        if (q instanceof ScaleQuestion s) {
            out.add(new Codebook.ValueLabel(String.valueOf(s.min()), texts(sv, q.id() + ".min_label")));
            out.add(new Codebook.ValueLabel(String.valueOf(s.max()), texts(sv, q.id() + ".max_label")));
        }
        return out;
    }

    private static List<Codebook.Text> texts(SurveyVersion sv, String key) {
        List<Codebook.Text> out = new ArrayList<>();
        for (String lang : sv.survey().languages()) {
            out.add(new Codebook.Text(lang, pattern(sv, lang, key), rtl(lang)));
        }
        return out;
    }

    private static String pattern(SurveyVersion sv, String lang, String key) {
        String p = sv.texts().pattern(lang, key);
        return p == null ? "" : p;
    }

    static boolean rtl(String language) {
        return ULocale.forLanguageTag(language).isRightToLeft();
    }
}
