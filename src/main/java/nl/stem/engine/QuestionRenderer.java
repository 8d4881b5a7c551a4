package nl.stem.engine;

import nl.stem.survey.ButtonPayloads;
import nl.stem.survey.model.Choice;
import nl.stem.survey.model.ConsentQuestion;
import nl.stem.survey.model.InfoQuestion;
import nl.stem.survey.model.MultipleChoiceQuestion;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.ScaleQuestion;
import nl.stem.survey.model.SingleChoiceQuestion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a question into one message: its text, its hint when it has one, numbered options (so channels without buttons, and
 * respondents who prefer typing, can answer by number), legends that say how to answer, and buttons.
 * Every button that a typed number cannot mistake for an answer carries its number: consent is
 * 1 yes, 2 no; after k choices, "done" and "skip" are k+1 and k+2. Scale, number, text and media
 * questions read typed numbers as answers, so their extra buttons are answered by their label.
 */
final class QuestionRenderer {

    /** Example: a single choice in English renders as "What do you do?\n\n1. I work\n2. I study\n\nTap a button or type the number." */
    Outbound render(Question q, Phrases p) {
        List<String> parts = new ArrayList<>();
        parts.add(p.questionText(q));
        String hint = p.hint(q);
        if (hint != null) {
            parts.add(hint);
        }
        List<Button> buttons = new ArrayList<>();
        int listed = 0;
        boolean numbered = false;
        // Java 17: no pattern switch yet, so an instanceof chain over the sealed types.
        if (q instanceof InfoQuestion info) {
            return p.message(Outbound.Kind.INFO, String.join("\n\n", parts), List.of(), info.id());
        } else if (q instanceof ConsentQuestion c) {
            buttons.add(new Button(ButtonPayloads.answer(c.id(), "yes"), p.ui("consent.yes"), p.number(1)));
            buttons.add(new Button(ButtonPayloads.answer(c.id(), "no"), p.ui("consent.no"), p.number(2)));
            numbered = true;
        } else if (q instanceof SingleChoiceQuestion s) {
            parts.add(numbered(s, s.choices(), p));
            parts.add(p.ui("choice.legend"));
            choiceButtons(s, s.choices(), p, buttons);
            listed = buttons.size();
            numbered = true;
        } else if (q instanceof MultipleChoiceQuestion m) {
            parts.add(numbered(m, m.choices(), p));
            parts.add(p.ui("multiple.legend"));
            choiceButtons(m, m.choices(), p, buttons);
            listed = buttons.size();
            numbered = true;
            buttons.add(done(m, p));
        } else if (q instanceof ScaleQuestion s) {
            parts.add(p.ui("scale.legend", Map.of("min", s.min(), "max", s.max(),
                    "minLabel", p.survey(s.id() + ".min_label", s.minLabel()),
                    "maxLabel", p.survey(s.id() + ".max_label", s.maxLabel()))));
            for (int i = s.min(); i <= s.max(); i++) {
                buttons.add(new Button(ButtonPayloads.answer(s.id(), Integer.toString(i)), p.number(i)));
            }
            if (s.notApplicable()) {
                buttons.add(new Button(ButtonPayloads.answer(s.id(), "na"), p.ui("button.not_applicable")));
            }
        }
        // Number, text, audio, video and open questions: the question text says what to send;
        // a re-prompt names the bounds or the expected kind.
        if (q.head().optional()) {
            parts.add(p.ui("optional.legend"));
            buttons.add(new Button(ButtonPayloads.answer(q.id(), "skip"), p.ui("button.skip"),
                    numbered ? p.number(buttons.size() + 1) : null));
        }
        return p.message(Outbound.Kind.QUESTION, String.join("\n\n", parts), buttons, q.id(), listed);
    }

    /** The "done" button of a multiple-choice question: number k+1 after its k choices. */
    static Button done(MultipleChoiceQuestion m, Phrases p) {
        return new Button(ButtonPayloads.answer(m.id(), "done"), p.ui("button.done"), p.number(m.choices().size() + 1));
    }

    private static String numbered(Question q, List<Choice> choices, Phrases p) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < choices.size(); i++) {
            if (i > 0) {
                b.append('\n');
            }
            b.append(p.number(i + 1)).append(". ").append(p.choiceLabel(q, choices.get(i)));
        }
        return b.toString();
    }

    private static void choiceButtons(Question q, List<Choice> choices, Phrases p, List<Button> out) {
        for (int i = 0; i < choices.size(); i++) {
            Choice c = choices.get(i);
            out.add(new Button(ButtonPayloads.answer(q.id(), c.id()), p.choiceLabel(q, c), p.number(i + 1)));
        }
    }
}
