package nl.stem.engine;

import nl.stem.language.Texts;
import nl.stem.survey.model.AnswerValue;
import nl.stem.survey.model.MediaKind;
import nl.stem.survey.model.MediaRef;
import nl.stem.survey.model.SurveyVersion;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A golden conversation in a text file. Lines the author writes:
 * <pre>
 * # a comment (kept)
 * survey: basic
 * > start lang=ar | > start hint=ar-SY | > start
 * > text ٣                 (\n in the text stands for a line break)
 * > long 4097 a            (the letter a, 4097 times)
 * > tap a:status:work
 * > media audio
 * > unsupported sticker
 * </pre>
 * Everything else is output, written by the engine and compared: {@code <} messages (kind, question,
 * rtl; {@code |} text lines; {@code [payload] label} buttons), {@code =} events and {@code ~} the state
 * after the step. FSI/PDI show as ⟨ ⟩.
 */
final class Transcript {
    private Transcript() {
    }

    /** Runs the inputs of {@code content} and returns the file as it should read. */
    static String run(String content) {
        List<String> out = new ArrayList<>();
        SurveyVersion version = null;
        SurveyEngine engine = new SurveyEngine(TestUi.texts());
        SessionState state = null;
        Instant now = Scenario.T0;
        for (String line : content.split("\n", -1)) {
            if (line.startsWith("#")) {
                out.add(line);
            } else if (line.startsWith("survey:")) {
                version = TestSurveys.byName(line.substring("survey:".length()).strip());
                out.add(line);
                out.add("");
            } else if (line.startsWith("> ")) {
                if (version == null) {
                    throw new IllegalArgumentException("transcript names no survey before its first input");
                }
                out.add(line);
                StepResult r = engine.step(version, state, parse(line.substring(2)), now);
                state = r.state();
                now = now.plus(Duration.ofMinutes(1));
                render(r, out);
            }
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
            out.remove(out.size() - 1);
        }
        return String.join("\n", out) + "\n";
    }

    static Input parse(String s) {
        String[] p = s.split(" ", 2);
        String rest = p.length > 1 ? p[1] : "";
        return switch (p[0]) {
            case "start" -> {
                String lang = null;
                String hint = null;
                for (String kv : rest.split(" ")) {
                    if (kv.startsWith("lang=")) {
                        lang = kv.substring(5);
                    } else if (kv.startsWith("hint=")) {
                        hint = kv.substring(5);
                    }
                }
                yield new Input.Start(lang, hint);
            }
            case "text" -> new Input.Text(rest.replace("\\n", "\n"));
            case "long" -> {
                String[] n = rest.split(" ", 2);
                yield new Input.Text(n[1].repeat(Integer.parseInt(n[0])));
            }
            case "tap" -> new Input.ButtonTap(rest);
            case "media" -> {
                MediaKind kind = MediaKind.valueOf(rest.strip().toUpperCase(Locale.ROOT));
                yield new Input.Media(new MediaRef(kind, null, 2048L, 5, "file-" + rest.strip()));
            }
            case "unsupported" -> new Input.Unsupported(rest);
            default -> throw new IllegalArgumentException("unknown input: " + s);
        };
    }

    private static void render(StepResult r, List<String> out) {
        for (Outbound o : r.messages()) {
            out.add("< " + o.kind() + (o.questionId() == null ? "" : " q=" + o.questionId()) + (o.rtl() ? " rtl" : ""));
            for (String l : visible(o.text()).split("\n", -1)) {
                out.add("  | " + l);
            }
            for (Button b : o.buttons()) {
                out.add("  [" + b.payload() + "] " + visible(b.label()));
            }
        }
        for (SessionEvent e : r.events()) {
            out.add("= " + event(e));
        }
        SessionState s = r.state();
        out.add("~ " + s.status() + " lang=" + s.language() + " q=" + s.currentQuestion()
                + (s.selection().isEmpty() ? "" : " selection=" + s.selection())
                + (s.reprompts() == 0 ? "" : " reprompts=" + s.reprompts())
                + (s.confirmingDeletion() ? " confirmingDeletion" : "")
                + " answers=" + String.join(",", s.answers().keySet()));
        out.add("");
    }

    private static String event(SessionEvent e) {
        if (e instanceof SessionEvent.AnswerGiven a) {
            String raw = a.raw().length() > 60 ? a.raw().substring(0, 60) + "…" : a.raw();
            return "AnswerGiven " + a.questionId() + " " + value(a.value()) + " raw=\"" + visible(raw) + "\" lang=" + a.language();
        }
        if (e instanceof SessionEvent.LanguageChosen l) {
            return "LanguageChosen " + l.language();
        }
        return e.getClass().getSimpleName();
    }

    static String value(AnswerValue v) {
        return switch (v.kind()) {
            case CHOICE, CHOICES, CONSENT -> v.kind() + " " + v.choices();
            case NUMBER, SCALE -> v.kind() + " " + v.number().toPlainString();
            case TEXT -> v.kind() + " \"" + visible(v.text()) + "\"";
            case MEDIA -> v.kind() + " " + v.media().kind() + " " + v.media().providerRef();
            case SKIPPED, NOT_APPLICABLE -> v.kind().toString();
        };
    }

    private static String visible(String s) {
        return s.replace(Texts.FSI, '⟨').replace(Texts.PDI, '⟩');
    }
}
