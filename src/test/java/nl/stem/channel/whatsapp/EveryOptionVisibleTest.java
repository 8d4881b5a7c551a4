package nl.stem.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import nl.stem.channel.telegram.KeyboardLabels;
import nl.stem.conversation.EngineProducer;
import nl.stem.engine.Button;
import nl.stem.engine.Input;
import nl.stem.engine.Outbound;
import nl.stem.engine.SessionState;
import nl.stem.engine.StepResult;
import nl.stem.engine.SurveyEngine;
import nl.stem.language.Digits;
import nl.stem.survey.IoiTaxonomy;
import nl.stem.survey.SurveyLoader;
import nl.stem.survey.model.InfoQuestion;
import nl.stem.survey.model.MultipleChoiceQuestion;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.SurveyVersion;

/**
 * Every question of every shipped survey, in every language it ships in, as WhatsApp shows it:
 * each option that Telegram shows as a button is a line of the WhatsApp text, and typing what that
 * line shows (its number, else its label) does what tapping the button does.
 */
class EveryOptionVisibleTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final char RLM = '\u200F';
    private static final char FSI = '\u2068';
    private static final char PDI = '\u2069';

    private final OutboundRenderer renderer = new OutboundRenderer(new ObjectMapper());

    @Test
    void whatsApp_forEveryQuestionOfEveryShippedSurveyInEveryLanguage_showsEveryTelegramButton() throws IOException {
        SurveyEngine engine = new SurveyEngine(EngineProducer.readUiTexts(Path.of("translations/_stem")));
        List<SurveyVersion> surveys = shippedSurveys();
        assertEquals(2, surveys.size(), "surveys/ ships two surveys");
        int messages = 0;
        int options = 0;
        List<String> problems = new ArrayList<>();
        for (SurveyVersion v : surveys) {
            for (String lang : v.survey().languages()) {
                List<Shown> shown = new ArrayList<>();
                shown.add(new Shown(null, engine.step(v, null, new Input.Start(null, lang), NOW)));
                for (Question q : v.survey().questions()) {
                    if (q instanceof InfoQuestion) {
                        continue;
                    }
                    SessionState at = at(q, lang);
                    shown.add(new Shown(at, engine.step(v, at, new Input.Start(null, null), NOW)));
                    if (q instanceof MultipleChoiceQuestion m) {
                        // The "selected" notice carries the done button.
                        shown.add(new Shown(at, engine.step(v, at, new Input.ButtonTap("a:" + m.id() + ":" + m.choices().get(0).id()), NOW)));
                    }
                    shown.add(new Shown(at, engine.step(v, at, new Input.Text("/delete"), NOW)));
                }
                for (Shown s : shown) {
                    for (Outbound m : s.result().messages()) {
                        if (m.buttons().isEmpty()) {
                            continue;
                        }
                        messages++;
                        String body = renderer.freeForm(m, Optional.empty()).stream().map(Part::body).collect(Collectors.joining());
                        List<String> labels = KeyboardLabels.of(m.buttons());
                        for (int i = 0; i < m.buttons().size(); i++) {
                            options++;
                            Button b = m.buttons().get(i);
                            assertEquals(b.label(), labels.get(i));
                            String where = v.surveyId() + "/" + lang + "/" + m.questionId() + " " + b.payload();
                            if (!visible(m, i, body)) {
                                problems.add(where + ": no line for '" + b.label() + "' in:\n" + body);
                            }
                            if (s.state() != null && s.state().currentQuestion().equals(m.questionId()) && m.kind() == Outbound.Kind.QUESTION
                                    && !(i < m.listed() && v.survey().question(m.questionId()).orElseThrow() instanceof MultipleChoiceQuestion)) {
                                String typed = b.number() != null ? b.number() : b.label();
                                StepResult tapped = engine.step(v, s.state(), new Input.ButtonTap(b.payload()), NOW);
                                StepResult written = engine.step(v, s.state(), new Input.Text(typed), NOW);
                                if (!same(tapped.state(), written.state())) {
                                    problems.add(where + ": typing '" + typed + "' is not tapping it: " + written.state() + " vs " + tapped.state());
                                }
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(messages > 250 && options > 900, messages + " messages, " + options + " options");
    }

    /** A line "n · label" or "• label" of the renderer, a line "n. label" of the engine, or a scale value. */
    private static boolean visible(Outbound m, int i, String body) {
        Button b = m.buttons().get(i);
        String isolated = FSI + b.label() + PDI;
        List<String> lines = body.lines().map(l -> !l.isEmpty() && l.charAt(0) == RLM ? l.substring(1) : l).toList();
        if (i < m.listed()) {
            return lines.contains(b.number() + ". " + b.label());
        }
        if (b.number() != null) {
            return lines.contains(b.number() + " · " + isolated);
        }
        if (Digits.parseInt(b.label()).isPresent()) {
            // Scale values: the legend names the range, from the first value to the last.
            String first = m.buttons().get(0).label();
            String last = m.buttons().stream().map(Button::label).filter(l -> Digits.parseInt(l).isPresent()).reduce((x, y) -> y).orElseThrow();
            return body.contains(first) && body.contains(last);
        }
        return lines.contains("• " + isolated);
    }

    private static boolean same(SessionState a, SessionState b) {
        return a.status() == b.status() && java.util.Objects.equals(a.currentQuestion(), b.currentQuestion())
                && a.answers().keySet().equals(b.answers().keySet()) && a.selection().equals(b.selection())
                && a.answers().entrySet().stream().allMatch(e -> e.getValue().kind() == b.answers().get(e.getKey()).kind()
                        && java.util.Objects.equals(e.getValue().toString(), b.answers().get(e.getKey()).toString()));
    }

    private static SessionState at(Question q, String lang) {
        return new SessionState(SessionState.Status.ACTIVE, lang, q.id(), Map.of(), List.of(), 0, false, NOW, NOW, List.of());
    }

    private record Shown(SessionState state, StepResult result) {
    }

    static List<SurveyVersion> shippedSurveys() throws IOException {
        List<SurveyVersion> out = new ArrayList<>();
        for (var source : SurveyLoader.readDirectory(Path.of("surveys"), Path.of("translations"))) {
            var result = new SurveyLoader(IoiTaxonomy.builtIn()).load(source);
            assertTrue(result.valid(), result.problems().toString());
            out.add(new SurveyVersion(result.survey(), result.texts(), 1, result.checksum()));
        }
        return out;
    }
}
