package nl.stem.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.stem.engine.Button;
import nl.stem.engine.Outbound;
import nl.stem.engine.UiTexts;
import nl.stem.language.Languages;
import nl.stem.survey.model.SurveyVersion;

/**
 * What a newcomer without an invitation is offered when no single survey is the obvious one: a
 * menu of the surveys open to anyone (buttons {@code start:<survey>}), or a polite word when none
 * is open. Shown in the language the channel hints at, matched against Stem's own languages.
 */
final class OpeningMenu {
    static final String PAYLOAD_PREFIX = "start:";

    private OpeningMenu() {
    }

    /** The survey id a menu button names, if {@code payload} is one. */
    static Optional<String> chosen(String payload) {
        return payload != null && payload.startsWith(PAYLOAD_PREFIX)
                ? Optional.of(payload.substring(PAYLOAD_PREFIX.length())) : Optional.empty();
    }

    static List<Outbound> offer(UiTexts ui, List<SurveyVersion> open, String languageHint) {
        String language = Languages.match(languageHint, List.copyOf(ui.byLanguage().keySet())).orElse(UiTexts.FALLBACK_LANGUAGE);
        boolean rtl = Languages.isRightToLeft(language);
        if (open.isEmpty()) {
            return List.of(new Outbound(Outbound.Kind.NOTICE, ui.pattern(language, "notice.no_survey"), List.of(), rtl, null));
        }
        List<Button> buttons = new ArrayList<>();
        StringBuilder text = new StringBuilder(ui.pattern(language, "survey.choose")).append("\n");
        int n = 1;
        for (SurveyVersion v : open) {
            String lang = v.survey().languages().contains(language) ? language : v.survey().sourceLanguage();
            String title = v.texts().pattern(lang, "survey.title");
            title = title == null ? v.survey().title() : title;
            text.append("\n").append(n++).append(". ").append(title);
            buttons.add(new Button(PAYLOAD_PREFIX + v.surveyId(), title));
        }
        return List.of(new Outbound(Outbound.Kind.NOTICE, text.toString(), buttons, rtl, null));
    }
}
