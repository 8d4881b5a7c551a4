package nl.stem.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.stem.engine.Button;
import nl.stem.engine.Outbound;
import nl.stem.engine.UiTexts;
import nl.stem.language.Digits;
import nl.stem.language.Languages;
import nl.stem.language.TextFold;
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

    /**
     * The survey a typed answer to the menu names: its number ("2", "٢") or its title in any of its
     * languages. Channels without buttons (WhatsApp lists) depend on this.
     */
    static Optional<String> typed(String text, List<SurveyVersion> open) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<Integer> n = Digits.parseInt(text);
        if (n.isPresent()) {
            int i = n.get();
            return i >= 1 && i <= open.size() ? Optional.of(open.get(i - 1).surveyId()) : Optional.empty();
        }
        String folded = TextFold.fold(text);
        for (SurveyVersion v : open) {
            for (String lang : v.survey().languages()) {
                String title = v.texts().pattern(lang, "survey.title");
                if (title != null && TextFold.fold(title).equals(folded)) {
                    return Optional.of(v.surveyId());
                }
            }
        }
        return Optional.empty();
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
            text.append("\n").append(n).append(". ").append(title);
            buttons.add(new Button(PAYLOAD_PREFIX + v.surveyId(), title, Integer.toString(n)));
            n++;
        }
        return List.of(new Outbound(Outbound.Kind.NOTICE, text.toString(), buttons, rtl, null, buttons.size()));
    }
}
