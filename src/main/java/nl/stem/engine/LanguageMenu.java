package nl.stem.engine;

import nl.stem.survey.ButtonPayloads;
import nl.stem.language.Languages;
import nl.stem.language.Digits;
import nl.stem.language.TextFold;
import nl.stem.survey.model.Survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The language menu: one button per language of the survey, labelled with the language's own name
 * (people look for "العربية", not "Arabic"), the likely language first. Answered by button, by the
 * number of the line, or by typing the name or the tag.
 */
final class LanguageMenu {
    private static final String PREFIX = "lang:";

    /** The survey's languages with {@code first} moved to the front. */
    static List<String> order(Survey survey, String first) {
        return order(survey, first == null ? List.of() : List.of(first));
    }

    /**
     * The survey's languages with the likely ones ({@code likely}, offered tags, most likely first)
     * in front, the others in the survey's order. Example: likely [fa, ar] of [nl, en, ar, fa] gives
     * [fa, ar, nl, en].
     */
    static List<String> order(Survey survey, List<String> likely) {
        List<String> tags = new ArrayList<>();
        for (String t : likely) {
            if (survey.languages().contains(t) && !tags.contains(t)) {
                tags.add(t);
            }
        }
        for (String t : survey.languages()) {
            if (!tags.contains(t)) {
                tags.add(t);
            }
        }
        return tags;
    }

    /** The order to show: {@code shown} when it still lists exactly the survey's languages, else the menu language first. */
    static List<String> order(Survey survey, List<String> shown, String menuLanguage) {
        if (shown.size() == survey.languages().size() && shown.containsAll(survey.languages())) {
            return shown;
        }
        return order(survey, menuLanguage);
    }

    /** Example: text "Choose your language:\n\n1. العربية\n2. English" with buttons lang:ar, lang:en. */
    Outbound render(Survey survey, Phrases p, List<String> tags) {
        List<Button> buttons = new ArrayList<>();
        StringBuilder b = new StringBuilder(p.ui("language.menu")).append("\n");
        for (int i = 0; i < tags.size(); i++) {
            String name = Languages.selfName(tags.get(i));
            buttons.add(new Button(ButtonPayloads.language(tags.get(i)), name, p.number(i + 1)));
            b.append('\n').append(p.number(i + 1)).append(". ").append(name);
        }
        return p.listed(Outbound.Kind.QUESTION, b.toString(), buttons, null);
    }

    /** The tag a button payload names, when the survey offers it. */
    static Optional<String> fromPayload(Survey survey, String payload) {
        if (payload == null || !payload.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String tag = payload.substring(PREFIX.length());
        return survey.languages().contains(tag) ? Optional.of(tag) : Optional.empty();
    }

    /** The language a typed reply picks: its number in the menu as shown ({@code tags}), its self-name, its English name or its tag. */
    static Optional<String> fromText(List<String> tags, String text) {
        Optional<Integer> n = Digits.parseInt(text);
        if (n.isPresent()) {
            int i = n.get();
            return i >= 1 && i <= tags.size() ? Optional.of(tags.get(i - 1)) : Optional.empty();
        }
        String folded = TextFold.fold(text);
        for (String tag : tags) {
            if (folded.equals(TextFold.fold(tag)) || folded.equals(TextFold.fold(Languages.selfName(tag)))
                    || folded.equals(TextFold.fold(Languages.ulocale(tag).getDisplayLanguage(com.ibm.icu.util.ULocale.ENGLISH)))) {
                return Optional.of(tag);
            }
        }
        return Optional.empty();
    }
}
