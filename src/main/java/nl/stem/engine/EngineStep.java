package nl.stem.engine;

import nl.stem.survey.ButtonPayloads;
import nl.stem.language.Digits;
import nl.stem.language.Languages;
import nl.stem.language.TextFold;
import nl.stem.language.Texts;
import nl.stem.survey.model.AnswerValue;
import nl.stem.survey.model.Choice;
import nl.stem.survey.model.InfoQuestion;
import nl.stem.survey.model.MultipleChoiceQuestion;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.Survey;
import nl.stem.survey.model.SurveyVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One step's working set: the survey, the session as it changes ({@link Turn}) and the helpers
 * bound to them. Created per {@link SurveyEngine#step} call and thrown away after.
 */
final class EngineStep {
    private final QuestionRenderer renderer = new QuestionRenderer();
    private final LanguageMenu menu = new LanguageMenu();
    final UiTexts ui;
    final SurveyVersion version;
    final Survey survey;
    final Turn turn;
    final Keywords keywords;
    final Commands commands;
    final AnswerParser parser;

    EngineStep(UiTexts ui, SurveyVersion version, Turn turn, Keywords keywords) {
        this.ui = ui;
        this.version = version;
        this.survey = version.survey();
        this.turn = turn;
        this.keywords = keywords;
        this.commands = new Commands(keywords);
        this.parser = new AnswerParser(keywords);
    }

    Phrases phrases() {
        return phrases(turn.language);
    }

    Phrases phrases(String language) {
        return new Phrases(ui, version, language == null ? survey.sourceLanguage() : language);
    }

    // ---- start -------------------------------------------------------------------------

    void start(Input.Start start) {
        turn.audioOff = Boolean.FALSE.equals(start.audio());
        Optional<String> chosen = offered(start.language());
        if (chosen.isEmpty() && survey.languages().size() == 1) {
            chosen = Optional.of(survey.languages().get(0));
        }
        if (chosen.isPresent()) {
            turn.language = chosen.get();
            turn.emit(new SessionEvent.LanguageChosen(chosen.get()));
            advance(0);
            return;
        }
        turn.status = SessionState.Status.CHOOSING_LANGUAGE;
        List<String> likely = Languages.ranked(start.languageHint(), survey.languages());
        turn.language = likely.isEmpty() ? survey.sourceLanguage() : likely.get(0);
        turn.languageMenu = LanguageMenu.order(survey, likely);
        sendLanguageMenu();
    }

    /** The language menu in the order the respondent saw it last (or the current language first). */
    void sendLanguageMenu() {
        turn.languageMenu = LanguageMenu.order(survey, turn.languageMenu, turn.language);
        turn.send(menu.render(survey, phrases(), turn.languageMenu));
    }

    /** An explicit language: exactly offered, or the offered language that fits it (ar-SY -> ar). */
    Optional<String> offered(String language) {
        if (language == null || language.isBlank()) {
            return Optional.empty();
        }
        if (survey.languages().contains(language)) {
            return Optional.of(language);
        }
        return Languages.match(language, survey.languages());
    }

    // ---- dispatch ----------------------------------------------------------------------

    void handle(Input in) {
        SessionState.Status status = turn.status;
        if (in instanceof Input.Start) {
            // A repeated /start mid-session shows where the respondent is; after the end it asks the
            // service for a new session (sessions are the service's job).
            if (status.finished()) {
                turn.emit(new SessionEvent.RestartRequested());
            } else if (status == SessionState.Status.PAUSED) {
                resume();
                askCurrentAloud();
            } else {
                askCurrent();
            }
            return;
        }
        if (turn.confirmingDeletion) {
            confirmDeletion(in);
            return;
        }
        Optional<Command> command = in instanceof Input.Text t ? commands.detect(t.text()) : Optional.empty();
        if (command.orElse(null) == Command.MY_DATA) {
            // Answered in any state, and changes none: a paused session stays paused.
            turn.emit(new SessionEvent.AccessRequested(phrases().language()));
            if (!status.finished() && status != SessionState.Status.PAUSED) {
                askCurrent();
            }
            return;
        }
        if (status.finished()) {
            if (command.orElse(null) == Command.DELETE && status != SessionState.Status.REFUSED) {
                askDeletion();
            } else if (command.orElse(null) == Command.START) {
                turn.emit(new SessionEvent.RestartRequested());
            } else {
                notice("notice.finished");
            }
            return;
        }
        if (status == SessionState.Status.PAUSED) {
            if (command.orElse(null) == Command.PAUSE) {
                notice("notice.paused");
                return;
            }
            resume();
            if (command.isPresent()) {
                command(command.get(), in);
            } else if (answersCurrent(in)) {
                // "5" sent to a paused scale question resumes and answers it: it is not thrown away.
                answer(in);
            } else {
                askCurrentAloud();
            }
            return;
        }
        if (command.isPresent()) {
            command(command.get(), in);
            return;
        }
        if (in instanceof Input.Text t && t.text().length() > AnswerParser.MAX_TEXT) {
            reprompt("reprompt.too_long", Map.of("max", AnswerParser.MAX_TEXT));
            return;
        }
        if (status == SessionState.Status.CHOOSING_LANGUAGE) {
            languageReply(in);
        } else {
            answer(in);
        }
    }

    // ---- commands ----------------------------------------------------------------------

    void command(Command c, Input in) {
        switch (c) {
            case STOP -> {
                turn.status = SessionState.Status.STOPPED;
                turn.selection = new ArrayList<>();
                notice("notice.stopped");
                turn.emit(new SessionEvent.Stopped());
            }
            case PAUSE -> {
                turn.status = SessionState.Status.PAUSED;
                notice("notice.paused");
                turn.emit(new SessionEvent.Paused());
            }
            case LANGUAGE -> {
                turn.status = SessionState.Status.CHOOSING_LANGUAGE;
                turn.languageMenu = LanguageMenu.order(survey, turn.language);
                sendLanguageMenu();
            }
            case HELP -> {
                notice("notice.help");
                askCurrent();
            }
            case SKIP -> skip(AnswerParser.raw(in));
            case DELETE -> askDeletion();
            case AUDIO -> {
                turn.audioOff = !turn.audioOff;
                turn.emit(new SessionEvent.AudioToggled(!turn.audioOff));
                notice(turn.audioOff ? "notice.audio_off" : "notice.audio_on");
                askCurrentAloud();
            }
            case START, MY_DATA -> askCurrent();
        }
    }

    /**
     * Whether a message that resumes a paused session answers the question that is waiting: a tap on
     * one of its buttons, or text or media it accepts (a scale's "5", a choice's number or label, a
     * number, a voice note to a media question). Free text is not taken for a text question's
     * answer here: "I'm back" resumes, it is not the respondent's advice.
     */
    boolean answersCurrent(Input in) {
        Optional<Question> q = current();
        if (q.isEmpty() || turn.status != SessionState.Status.ACTIVE) {
            return false;
        }
        if (in instanceof Input.ButtonTap b) {
            return b.payload() != null && b.payload().startsWith("a:" + q.get().id() + ":");
        }
        if (q.get() instanceof nl.stem.survey.model.TextQuestion || q.get() instanceof nl.stem.survey.model.OpenQuestion && in instanceof Input.Text) {
            return false;
        }
        if (in instanceof Input.Text t && (t.text().length() > AnswerParser.MAX_TEXT || typedButton(q.get(), t.text()).isPresent())) {
            return t.text().length() <= AnswerParser.MAX_TEXT;
        }
        Parsed p = parser.parse(q.get(), in, null, turn.selection, phrases());
        return p instanceof Parsed.Ok || p instanceof Parsed.Refused || p instanceof Parsed.Selection;
    }

    void resume() {
        turn.status = turn.currentQuestion == null ? SessionState.Status.CHOOSING_LANGUAGE : SessionState.Status.ACTIVE;
        notice("notice.resumed");
    }

    void askDeletion() {
        turn.confirmingDeletion = true;
        Phrases p = phrases();
        turn.send(p.uiMessage(Outbound.Kind.NOTICE, "delete.confirm", Map.of(), List.of(
                new Button(ButtonPayloads.command("delete", "yes"), p.ui("delete.yes"), p.number(1)),
                new Button(ButtonPayloads.command("delete", "no"), p.ui("delete.no"), p.number(2))), null));
    }

    void confirmDeletion(Input in) {
        turn.confirmingDeletion = false;
        boolean yes = in instanceof Input.ButtonTap b && b.payload().equals(ButtonPayloads.command("delete", "yes"))
                || in instanceof Input.Text t && (keywords.matches("words.yes", t.text())
                        || Digits.parseInt(t.text()).orElse(0) == 1
                        || TextFold.fold(t.text()).equals(TextFold.fold(phrases().ui("delete.yes"))));
        if (yes) {
            turn.answers.clear();
            turn.selection = new ArrayList<>();
            if (!turn.status.finished()) {
                turn.status = SessionState.Status.STOPPED;
            }
            turn.emit(new SessionEvent.DeletionConfirmed());
            notice("delete.done");
            return;
        }
        notice("delete.cancelled");
        if (turn.status == SessionState.Status.PAUSED) {
            turn.status = SessionState.Status.ACTIVE;
        }
        if (!turn.status.finished()) {
            askCurrent();
        }
    }

    void skip(String raw) {
        Optional<Question> q = current();
        if (turn.status == SessionState.Status.ACTIVE && q.isPresent() && q.get().head().optional()) {
            record(q.get(), AnswerValue.skipped(), raw);
            advanceAfter(q.get());
        } else {
            reprompt("reprompt.skip_not_allowed", Map.of());
        }
    }

    // ---- language ----------------------------------------------------------------------

    void languageReply(Input in) {
        Optional<String> tag = Optional.empty();
        if (in instanceof Input.ButtonTap b) {
            tag = LanguageMenu.fromPayload(survey, b.payload());
            if (tag.isEmpty() && turn.currentQuestion != null
                    && b.payload().startsWith("a:" + turn.currentQuestion + ":")) {
                // Mid-survey, the respondent tapped the question's button instead: they chose to stay.
                turn.status = SessionState.Status.ACTIVE;
                answer(in);
                return;
            }
        } else if (in instanceof Input.Text t) {
            tag = LanguageMenu.fromText(LanguageMenu.order(survey, turn.languageMenu, turn.language), t.text());
        }
        if (tag.isEmpty()) {
            reprompt("language.unknown", Map.of());
            return;
        }
        choose(tag.get());
    }

    void choose(String tag) {
        turn.language = tag;
        turn.languageMenu = List.of();
        turn.status = SessionState.Status.ACTIVE;
        turn.emit(new SessionEvent.LanguageChosen(tag));
        if (turn.currentQuestion == null) {
            advance(0);
        } else {
            notice("language.changed");
            askCurrentAloud();
        }
    }

    // ---- answers -----------------------------------------------------------------------

    void answer(Input in) {
        Optional<Question> current = current();
        if (current.isEmpty()) {
            // The version lost the question (should not happen: versions are immutable); finish cleanly.
            complete();
            return;
        }
        Question q = current.get();
        String buttonValue = null;
        if (in instanceof Input.ButtonTap b) {
            String payload = b.payload() == null ? "" : b.payload();
            Optional<String> lang = LanguageMenu.fromPayload(survey, payload);
            if (lang.isPresent()) {
                // An old language menu's button: honour it, it is what the respondent wants.
                choose(lang.get());
                return;
            }
            String prefix = "a:" + q.id() + ":";
            if (!payload.startsWith(prefix)) {
                reprompt("reprompt.stale_button", Map.of());
                return;
            }
            buttonValue = payload.substring(prefix.length());
            if (buttonValue.equals("skip")) {
                skip(tappedLabel(q, payload, AnswerValue.skipped()));
                return;
            }
        } else if (in instanceof Input.Text t) {
            buttonValue = typedButton(q, t.text()).orElse(null);
            if ("skip".equals(buttonValue)) {
                skip(AnswerParser.raw(in));
                return;
            }
        }
        Parsed parsed = parser.parse(q, in, buttonValue, turn.selection, phrases());
        if (parsed instanceof Parsed.Ok ok) {
            String raw = in instanceof Input.ButtonTap b ? tappedLabel(q, b.payload(), ok.value()) : ok.raw();
            record(q, ok.value(), raw);
            advanceAfter(q);
        } else if (parsed instanceof Parsed.Refused) {
            refuse();
        } else if (parsed instanceof Parsed.Reprompt r) {
            String own = OUT_OF_BOUNDS.contains(r.key()) ? phrases().constraintMessage(q) : null;
            if (own != null) {
                repromptWith(own);
            } else {
                reprompt(r.key(), r.args());
            }
        } else if (parsed instanceof Parsed.Selection sel) {
            turn.selection = new ArrayList<>(sel.choiceIds());
            if (sel.choiceIds().isEmpty()) {
                askCurrent();
            } else {
                selected((MultipleChoiceQuestion) q, sel.choiceIds());
            }
        }
    }

    /**
     * What the respondent saw on the button they tapped, in their language: the label the question
     * renders for {@code payload} ("Ja", "٣", "Overslaan"). "Done" on a multiple choice gives the
     * chosen choices' labels instead, in choice order with {@code "; "} between them. This, not the
     * payload, is the answer's raw text.
     */
    String tappedLabel(Question q, String payload, AnswerValue value) {
        Phrases p = phrases();
        if (q instanceof MultipleChoiceQuestion m && value.kind() == AnswerValue.Kind.CHOICES && !value.choices().isEmpty()) {
            List<String> labels = new ArrayList<>();
            for (Choice c : m.choices()) {
                if (value.choices().contains(c.id())) {
                    labels.add(p.choiceLabel(m, c));
                }
            }
            return String.join("; ", labels);
        }
        for (Button b : renderer.render(q, p).buttons()) {
            if (b.payload().equals(payload)) {
                return b.label();
            }
        }
        return payload;
    }

    /**
     * The value of the button a typed reply names, among those the question's text does not list
     * (consent's yes and no, "done", "skip", "not applicable"): its number, or its label typed
     * loosely ({@link TextFold}: case, accents, Arabic and Persian letter variants). Listed choices
     * are the parser's: a typed "2" on a multiple choice is an answer, not a toggle.
     */
    Optional<String> typedButton(Question q, String text) {
        Outbound shown = renderer.render(q, phrases());
        String folded = TextFold.fold(text);
        Optional<Integer> n = Digits.parseInt(text);
        String prefix = "a:" + q.id() + ":";
        List<Button> buttons = shown.buttons();
        for (int i = shown.listed(); i < buttons.size(); i++) {
            Button b = buttons.get(i);
            boolean byNumber = n.isPresent() && b.number() != null && Digits.parseInt(b.number()).equals(n);
            boolean byLabel = !folded.isEmpty() && folded.equals(TextFold.fold(b.label()));
            if ((byNumber || byLabel) && b.payload().startsWith(prefix)) {
                return Optional.of(b.payload().substring(prefix.length()));
            }
        }
        return Optional.empty();
    }

    void selected(MultipleChoiceQuestion q, List<String> ids) {
        Phrases p = phrases();
        List<String> labels = new ArrayList<>();
        for (Choice c : q.choices()) {
            if (ids.contains(c.id())) {
                labels.add(p.choiceLabel(q, c));
            }
        }
        turn.send(p.uiMessage(Outbound.Kind.NOTICE, "multiple.selected",
                Map.of("choices", Texts.list(p.language(), labels)), List.of(QuestionRenderer.done(q, p)), q.id()));
    }

    void refuse() {
        turn.status = SessionState.Status.REFUSED;
        turn.answers.clear();
        turn.selection = new ArrayList<>();
        notice("consent.refused");
        turn.emit(new SessionEvent.ConsentRefused(turn.currentQuestion, phrases().language()));
    }

    void record(Question q, AnswerValue value, String raw) {
        turn.answers.put(q.id(), value);
        turn.emit(new SessionEvent.AnswerGiven(q.id(), value, raw, turn.language));
    }

    // ---- flow --------------------------------------------------------------------------

    void advanceAfter(Question q) {
        advance(survey.indexOf(q.id()) + 1);
    }

    /** Asks the first applicable question from {@code index}, sending info items on the way. */
    void advance(int index) {
        turn.selection = new ArrayList<>();
        turn.reprompts = 0;
        turn.status = SessionState.Status.ACTIVE;
        List<Question> questions = survey.questions();
        for (int i = Math.max(0, index); i < questions.size(); i++) {
            Question q = questions.get(i);
            if (q.head().when() != null && !q.head().when().test(turn.answers::get)) {
                continue;
            }
            if (q instanceof InfoQuestion) {
                sendAloud(q);
                continue;
            }
            turn.currentQuestion = q.id();
            sendAloud(q);
            return;
        }
        complete();
    }

    void complete() {
        turn.status = SessionState.Status.COMPLETED;
        turn.currentQuestion = null;
        notice("notice.completed");
        turn.emit(new SessionEvent.Completed());
    }

    Optional<Question> current() {
        return turn.currentQuestion == null ? Optional.empty() : survey.question(turn.currentQuestion);
    }

    /** The current question (or the language menu) again, so its buttons are always at hand. */
    void askCurrent() {
        if (turn.status == SessionState.Status.CHOOSING_LANGUAGE || turn.currentQuestion == null) {
            sendLanguageMenu();
            return;
        }
        current().ifPresentOrElse(q -> turn.send(renderer.render(q, phrases())), this::complete);
    }

    /** The current question again, read aloud first where it has a prompt (after a language change, a resume, "audio"). */
    void askCurrentAloud() {
        if (turn.status == SessionState.Status.CHOOSING_LANGUAGE || turn.currentQuestion == null) {
            sendLanguageMenu();
            return;
        }
        current().ifPresentOrElse(this::sendAloud, this::complete);
    }

    /**
     * A question or info item: its prompt as a voice note first, when the survey has one in the
     * respondent's language and they have not switched reading aloud off, then its text. Re-prompts
     * ask again without the voice note: the respondent has just heard it.
     */
    void sendAloud(Question q) {
        Phrases p = phrases();
        Outbound shown = renderer.render(q, p);
        if (!turn.audioOff) {
            version.prompt(q.id(), p.language()).ifPresent(a -> turn.send(Outbound.voice(a, q.id(), p.questionText(q), p.rtl())));
        }
        turn.send(shown);
    }

    void notice(String key) {
        Phrases p = phrases();
        turn.send(p.uiMessage(Outbound.Kind.NOTICE, key, Map.of(), List.of(), null));
    }

    /**
     * Re-prompts for an answer outside the question's own bounds (min, max, max_length): where the
     * survey gives a {@code constraint_message}, it is said instead of Stem's own words.
     */
    private static final java.util.Set<String> OUT_OF_BOUNDS = java.util.Set.of("reprompt.number_range",
            "reprompt.number_min", "reprompt.number_max", "reprompt.too_long", "reprompt.multiple_min", "reprompt.multiple_max");

    /** Says the survey's own words for an answer that does not fit, then asks again. */
    void repromptWith(String text) {
        turn.reprompts++;
        Phrases p = phrases();
        turn.send(p.message(Outbound.Kind.REPROMPT, text, List.of(), turn.currentQuestion));
        askCurrent();
    }

    /** Says what is expected, then asks again. */
    void reprompt(String key, Map<String, ?> args) {
        turn.reprompts++;
        Phrases p = phrases();
        turn.send(p.uiMessage(Outbound.Kind.REPROMPT, key, args, List.of(), turn.currentQuestion));
        askCurrent();
    }
}
