package nl.stem.engine;

import nl.stem.survey.model.AnswerValue;
import nl.stem.survey.model.MediaKind;
import nl.stem.survey.model.MediaRef;
import nl.stem.survey.model.SurveyVersion;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A readable conversation test: {@code scenario(survey).start("ar").reply("٣").expectQuestion("age")}.
 * Each input runs one engine step; {@code expect...} checks the last step. Re-prompt and notice
 * checks take the UI key and match the text against that key's pattern in the respondent's language.
 */
final class Scenario {
    static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    private final SurveyVersion version;
    private final SurveyEngine engine = new SurveyEngine(TestUi.texts());
    private SessionState state;
    private StepResult last;
    private Instant now = T0;
    private final List<SessionEvent> allEvents = new ArrayList<>();

    private Scenario(SurveyVersion version) {
        this.version = version;
    }

    static Scenario scenario(SurveyVersion version) {
        return new Scenario(version);
    }

    Scenario start(String language) {
        return input(new Input.Start(language, null));
    }

    Scenario startWithHint(String hint) {
        return input(new Input.Start(null, hint));
    }

    Scenario reply(String text) {
        return input(new Input.Text(text));
    }

    Scenario tap(String payload) {
        return input(new Input.ButtonTap(payload));
    }

    Scenario media(MediaKind kind) {
        return input(new Input.Media(new MediaRef(kind, null, 1000L, 3, "file-" + kind)));
    }

    Scenario input(Input in) {
        last = engine.step(version, state, in, now);
        state = last.state();
        allEvents.addAll(last.events());
        now = now.plus(Duration.ofMinutes(1));
        return this;
    }

    Scenario expectQuestion(String questionId) {
        Outbound o = lastMessage();
        assertEquals(Outbound.Kind.QUESTION, o.kind(), () -> "last message: " + o);
        assertEquals(questionId, o.questionId());
        assertEquals(questionId, state.currentQuestion());
        return this;
    }

    Scenario expectLanguageMenu() {
        Outbound o = lastMessage();
        assertTrue(o.buttons().stream().allMatch(b -> b.payload().startsWith("lang:")), () -> "not a menu: " + o);
        assertEquals(SessionState.Status.CHOOSING_LANGUAGE, state.status());
        return this;
    }

    Scenario expectReprompt(String key) {
        return expectText(Outbound.Kind.REPROMPT, key);
    }

    Scenario expectNotice(String key) {
        return expectText(Outbound.Kind.NOTICE, key);
    }

    Scenario expectText(Outbound.Kind kind, String key) {
        String pattern = TestUi.texts().pattern(state.language(), key);
        Pattern regex = patternRegex(pattern);
        for (Outbound o : last.messages()) {
            if (o.kind() == kind && regex.matcher(o.text()).matches()) {
                return this;
            }
        }
        fail("no " + kind + " for " + key + " in " + last.messages());
        return this;
    }

    Scenario expectButtons(String... payloads) {
        assertEquals(List.of(payloads), lastMessage().buttons().stream().map(Button::payload).toList());
        return this;
    }

    Scenario expectStatus(SessionState.Status status) {
        assertEquals(status, state.status());
        return this;
    }

    Scenario expectLanguage(String language) {
        assertEquals(language, state.language());
        return this;
    }

    Scenario expectAnswer(String questionId, AnswerValue value) {
        assertEquals(value, state.answers().get(questionId), () -> "answers: " + state.answers());
        return this;
    }

    Scenario expectNoAnswer(String questionId) {
        assertTrue(!state.answers().containsKey(questionId), () -> "answers: " + state.answers());
        return this;
    }

    Scenario expectEvent(Class<? extends SessionEvent> type) {
        assertTrue(last.events().stream().anyMatch(type::isInstance), () -> "events: " + last.events());
        return this;
    }

    Scenario expectNoEvents() {
        assertEquals(List.of(), last.events());
        return this;
    }

    StepResult last() {
        return last;
    }

    SessionState state() {
        return state;
    }

    List<SessionEvent> allEvents() {
        return allEvents;
    }

    private Outbound lastMessage() {
        assertTrue(!last.messages().isEmpty(), "no messages");
        return last.messages().get(last.messages().size() - 1);
    }

    /** A pattern's literal text with each top-level {argument} as a wildcard; FSI/PDI may surround arguments. */
    static Pattern patternRegex(String pattern) {
        StringBuilder re = new StringBuilder();
        int depth = 0;
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '{') {
                if (depth == 0) {
                    re.append(Pattern.quote(literal.toString())).append("(?s).*?");
                    literal.setLength(0);
                }
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (depth == 0) {
                literal.append(c);
            }
        }
        re.append(Pattern.quote(literal.toString()));
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
