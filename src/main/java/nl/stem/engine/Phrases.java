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
        String lang = uiLanguage(key);
        return Texts.format(lang, ui.pattern(lang, key), args);
    }

    /**
     * The language a UI text will actually be in: the respondent's, or English while a translation
     * lacks the key (then it is formatted, and marked for direction, as English).
     */
    String uiLanguage(String key) {
        String closest = Languages.fallback(language, ui.byLanguage().keySet(), UiTexts.FALLBACK_LANGUAGE);
        Map<String, String> texts = ui.byLanguage().get(closest);
        return texts != null && texts.containsKey(key) ? closest : UiTexts.FALLBACK_LANGUAGE;
    }

    /** A message that consists of one UI text. */
    Outbound uiMessage(Outbound.Kind kind, String key, Map<String, ?> args, java.util.List<Button> buttons, String questionId) {
        return new Outbound(kind, ui(key, args), buttons, Languages.isRightToLeft(uiLanguage(key)), questionId);
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

    /** The question's hint ({@code <q>.hint}), or null when it has none. */
    String hint(Question q) {
        return optionalSurvey(q.id() + ".hint");
    }

    /** The question's own words for an answer out of its bounds ({@code <q>.constraint_message}), or null. */
    String constraintMessage(Question q) {
        return optionalSurvey(q.id() + ".constraint_message");
    }

    private String optionalSurvey(String key) {
        String p = version.texts().pattern(language, key);
        return p == null ? null : Texts.format(language, p, Map.of());
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

    /** A message whose text lists {@code listed} of its first buttons as numbered lines. */
    Outbound message(Outbound.Kind kind, String text, java.util.List<Button> buttons, String questionId, int listed) {
        return new Outbound(kind, text, buttons, rtl(), questionId, listed);
    }

    /** A message whose text lists all its buttons as numbered lines (a menu). */
    Outbound listed(Outbound.Kind kind, String text, java.util.List<Button> buttons, String questionId) {
        return message(kind, text, buttons, questionId, buttons.size());
    }
}
