package nl.stem.engine;

import nl.stem.language.Languages;
import nl.stem.language.Texts;
import nl.stem.survey.model.Choice;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.SurveyVersion;

import java.util.Map;

/**
 * Everything the respondent reads, in one language: Stem's own texts ({@link UiTexts}) and the
 * survey's texts, formatted with ICU. Built per step; holds no state worth keeping.
 */
final class Phrases {
    private final UiTexts ui;
    private final SurveyVersion version;
    private final String language;

    Phrases(UiTexts ui, SurveyVersion version, String language) {
        this.ui = ui;
        this.version = version;
        this.language = language;
    }

    String language() {
        return language;
    }

    boolean rtl() {
        return Languages.isRightToLeft(language);
    }

    /** A Stem UI text. Example: {@code ui("reprompt.scale", Map.of("min", 1, "max", 5))}. */
    String ui(String key, Map<String, ?> args) {
        return Texts.format(language, ui.pattern(language, key), args);
    }

    String ui(String key) {
        return ui(key, Map.of());
    }

    /** A survey text by key, falling back to the source language, then to {@code fallback}. */
    String survey(String key, String fallback) {
        String p = version.texts().pattern(language, key);
        if (p == null) {
            return fallback == null ? key : fallback;
        }
        return Texts.format(language, p, Map.of());
    }

    String questionText(Question q) {
        return survey(q.id() + ".text", q.id());
    }

    String choiceLabel(Question q, Choice c) {
        return survey(q.id() + ".choice." + c.id(), c.label());
    }

    /** The choice label in the survey's source language, for respondents who type it from the original. */
    String sourceChoiceLabel(Question q, Choice c) {
        String p = version.texts().pattern(version.survey().sourceLanguage(), q.id() + ".choice." + c.id());
        return p == null ? c.label() : Texts.format(version.survey().sourceLanguage(), p, Map.of());
    }

    String number(long n) {
        return Texts.number(language, n);
    }

    Outbound message(Outbound.Kind kind, String text, java.util.List<Button> buttons, String questionId) {
        return new Outbound(kind, text, buttons, rtl(), questionId);
    }
}
