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

    /**
     * The outbox payload of a panel message: the message itself, plus the template WhatsApp sends it
     * as outside the window and that template's variables (docs/whatsapp-templates.md): 1 the
     * organisation, 2 the survey's title in the member's language, 3 about how many minutes it takes
     * (invitation, reminder) or the coordinator's message (feedback). Example field:
     * {@code "template": {"name": "invitation", "variables": {"1": "OpenEmbassy", "2": "Werk", "3": "4"}}}.
     */
    static Map<String, Object> payload(Outbound o, String template, SurveyVersion version, String language, String organisation,
                                       String third) {
        Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("kind", o.kind());
        p.put("text", o.text());
        p.put("buttons", o.buttons());
        p.put("rtl", o.rtl());
        p.put("questionId", o.questionId());
        p.put("listed", o.listed());
        Map<String, String> vars = new java.util.LinkedHashMap<>();
        vars.put("1", organisation);
        vars.put("2", title(version, language));
        vars.put("3", third != null ? third : Integer.toString(minutes(version)));
        p.put("template", Map.of("name", template, "variables", vars));
        return p;
    }

    /** About how long the survey takes: 20 seconds a question, at least a minute. */
    static int minutes(SurveyVersion version) {
        int questions = version.survey().questions().size();
        return Math.max(1, (int) Math.ceil(questions * 20 / 60.0));
    }

    private static String title(SurveyVersion version, String language) {
        String lang = language != null && version.survey().languages().contains(language) ? language : version.survey().sourceLanguage();
        String title = version.texts().pattern(lang, "survey.title");
        return title == null ? version.survey().title() : title;
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
