package nl.stem.engine;

import nl.stem.language.TextFold;
import nl.stem.survey.model.AnswerValue;
import nl.stem.survey.model.SurveyVersion;

import java.time.Instant;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The survey flow: {@code (version, state, input, now) -> new state + messages + events}. Pure and
 * deterministic: no clock, no randomness, no I/O; time comes in as {@code now}. The conversation
 * service loads and saves the state and sends the messages.
 *
 * <p>Decisions worth knowing:
 * <ul>
 * <li>Questions whose {@code when} is false are skipped without recording anything, in state or as
 * an event: skip logic then sees them as "not asked" (null), as {@code Condition.AnswerLookup} says.</li>
 * <li>A typed or tapped "skip" on an optional question records {@link AnswerValue#skipped()} and
 * emits it as an {@code AnswerGiven}, so exports can tell "skipped" from "not asked".</li>
 * <li>While choosing a language, {@code state.language} is the language the menu is shown in (the
 * hinted one); the choice itself is the {@code LanguageChosen} event.</li>
 * <li>{@code LanguageChosen} is emitted whenever the language gets fixed: from the menu, from an
 * explicit start language, or because the survey has only one.</li>
 * <li>A finished session answers {@code notice.finished} to everything except "delete", which is
 * honoured (completed and stopped sessions still hold answers a respondent may want gone).</li>
 * </ul>
 */
public final class SurveyEngine {
    private final UiTexts ui;
    /** Folded keyword lists per survey version; versions are immutable, so this only grows with publications. */
    private final Map<String, Keywords> keywords = new ConcurrentHashMap<>();

    public SurveyEngine(UiTexts ui) {
        this.ui = Objects.requireNonNull(ui);
    }

    /**
     * Handles one input. {@code state} is null for a new session; any input then starts one (a
     * first "hello" is as good as /start).
     */
    public StepResult step(SurveyVersion version, SessionState state, Input input, Instant now) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(now, "now");
        Input in = sanitized(input);
        Turn turn = state == null ? Turn.fresh(now) : Turn.of(state);
        EngineStep s = new EngineStep(ui, version, turn, keywords(version));
        if (state == null) {
            s.start(in instanceof Input.Start st ? st : new Input.Start(null, null));
        } else {
            s.handle(in);
        }
        return turn.result(now);
    }

    /**
     * Whether the input is the stop command in one of the version's languages (or {@code /stop}).
     * The service asks this before starting a session for a message that answers an invitation.
     */
    public boolean isStop(SurveyVersion version, Input input) {
        return isCommand(version, input, Command.STOP);
    }

    /** Whether the input asks to delete the respondent's data; a finished session still honours it. */
    public boolean isDelete(SurveyVersion version, Input input) {
        return isCommand(version, input, Command.DELETE);
    }

    /** Whether the input asks what Stem holds about the respondent ("my data", /mydata). */
    public boolean isAccessRequest(SurveyVersion version, Input input) {
        return isCommand(version, input, Command.MY_DATA);
    }

    /**
     * For a chat with no survey to take the words from: the language of Stem's texts whose "my data"
     * words the input is, English for {@code /mydata}; empty when it is not an access request.
     * Example: {@code accessRequestLanguage(new Input.Text("اطلاعات من"))} is {@code Optional.of("fa")}.
     */
    public Optional<String> accessRequestLanguage(Input input) {
        if (!(input instanceof Input.Text t) || t.text() == null) {
            return Optional.empty();
        }
        String text = t.text().strip();
        if (text.startsWith("/") && text.substring(1).split("[@\\s]", 2)[0].toLowerCase(Locale.ROOT).equals(Command.MY_DATA.word)) {
            return Optional.of(UiTexts.FALLBACK_LANGUAGE);
        }
        String folded = TextFold.fold(text);
        if (folded.isEmpty() || folded.length() > 40) {
            return Optional.empty();
        }
        for (String lang : new TreeSet<>(ui.byLanguage().keySet())) {
            for (String w : ui.pattern(lang, "words." + Command.MY_DATA.word).split("\\|")) {
                if (folded.equals(TextFold.fold(w))) {
                    return Optional.of(lang);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Question {@code questionId} as a respondent in {@code language} is shown it: the message's text
     * (legends and numbered options included), then each button's label on a line of its own, whatever
     * the channel makes of them. Empty for an unknown question. Consent records keep its SHA-256.
     * Example: a consent in English gives {@code "Welcome! ... Do you take part?\nYes, I agree\nNo"}.
     */
    public Optional<String> shownText(SurveyVersion version, String questionId, String language) {
        return version.survey().question(questionId).map(q -> {
            Outbound o = new QuestionRenderer().render(q,
                    new Phrases(ui, version, language == null ? version.survey().sourceLanguage() : language));
            StringBuilder text = new StringBuilder(o.text());
            o.buttons().forEach(b -> text.append('\n').append(b.label()));
            return text.toString();
        });
    }

    /**
     * Whether the input is one of the commands (stop, pause, language, help, skip, delete, start) in
     * one of the version's languages or as a {@code /command}.
     */
    public boolean isCommand(SurveyVersion version, Input input) {
        return input instanceof Input.Text t && new Commands(keywords(version)).detect(t.text()).isPresent();
    }

    private boolean isCommand(SurveyVersion version, Input input, Command command) {
        return input instanceof Input.Text t && new Commands(keywords(version)).detect(t.text()).orElse(null) == command;
    }

    /** Keyed by id and checksum: hashing the record itself would walk the whole survey each time. */
    private Keywords keywords(SurveyVersion version) {
        return keywords.computeIfAbsent(version.surveyId() + "@" + version.version() + "@" + version.checksum(),
                k -> new Keywords(ui, version));
    }

    /** Nulls from a sloppy adapter become harmless inputs: a conversation must never crash. */
    private static Input sanitized(Input input) {
        if (input == null) {
            return new Input.Unsupported("none");
        }
        if (input instanceof Input.Text t && t.text() == null) {
            return new Input.Text("");
        }
        if (input instanceof Input.ButtonTap b && b.payload() == null) {
            return new Input.ButtonTap("");
        }
        if (input instanceof Input.Media m && m.media() == null) {
            return new Input.Unsupported("media");
        }
        return input;
    }
}
