package nl.stem.panel.wave;

import java.util.List;
import java.util.Map;

import nl.stem.identity.Channel;
import nl.stem.engine.Button;
import nl.stem.engine.Outbound;
import nl.stem.engine.UiTexts;
import nl.stem.language.Languages;
import nl.stem.language.Texts;
import nl.stem.survey.model.SurveyVersion;

/**
 * The panel's own messages (invitation, reminder, feedback) in a member's language, as outbox
 * payloads of kind {@link Outbound.Kind#INVITATION}: WhatsApp sends those as the approved template
 * outside the 24-hour window. Telegram members get a Start button ({@code start:<survey>}); on
 * WhatsApp any reply starts the survey, so no numbered list is added.
 */
final class PanelMessages {
    private final UiTexts ui;

    PanelMessages(UiTexts ui) {
        this.ui = ui;
    }

    Outbound invitation(SurveyVersion version, String language, String channel) {
        return message("panel.invitation", version, language, channel, Map.of());
    }

    Outbound reminder(SurveyVersion version, String language, String channel) {
        return message("panel.reminder", version, language, channel, Map.of());
    }

    Outbound feedback(SurveyVersion version, String language, String text) {
        return message("panel.feedback", version, language, "none", Map.of("message", text));
    }

    /** Stem's language for {@code language}: itself when Stem has texts in it, else the fallback. */
    String uiLanguage(String language) {
        return language != null && ui.byLanguage().containsKey(language) ? language
                : Languages.match(language, List.copyOf(ui.byLanguage().keySet())).orElse(UiTexts.FALLBACK_LANGUAGE);
    }

    private Outbound message(String key, SurveyVersion version, String language, String channel, Map<String, String> extra) {
        String lang = uiLanguage(language);
        String surveyLanguage = version.survey().languages().contains(lang) ? lang : version.survey().sourceLanguage();
        String title = version.texts().pattern(surveyLanguage, "survey.title");
        Map<String, Object> args = new java.util.HashMap<>(extra);
        args.put("survey", title == null ? version.survey().title() : title);
        String text = Texts.format(lang, ui.pattern(lang, key), args);
        List<Button> buttons = Channel.TELEGRAM.is(channel)
                ? List.of(new Button("start:" + version.surveyId(), ui.pattern(lang, "button.start"))) : List.of();
        return new Outbound(Outbound.Kind.INVITATION, text, buttons, Languages.isRightToLeft(lang), null);
    }
}
