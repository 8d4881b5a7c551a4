package nl.stem.engine;

import nl.stem.language.TextFold;
import nl.stem.survey.model.SurveyVersion;

import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

/**
 * Keyword lists ({@code words.*} UI texts, "stop|quit|end") folded for matching. Words of every
 * language of the survey count, plus English: someone answering in Farsi who types "STOP" or "توقف"
 * should be understood either way, and English command words are what chat-app users know.
 */
final class Keywords {
    private final UiTexts ui;
    private final SurveyVersion version;
    private final Map<String, Set<String>> folded = new ConcurrentHashMap<>();

    Keywords(UiTexts ui, SurveyVersion version) {
        this.ui = ui;
        this.version = version;
    }

    /** Whether {@code text} as a whole is one of the words under {@code key}. Example: {@code matches("words.yes", "نعم")}. */
    boolean matches(String key, String text) {
        String folded = TextFold.fold(text);
        return !folded.isEmpty() && words(key).contains(folded);
    }

    Set<String> words(String key) {
        // Folding every word of every language on each message was measurable on the hot path.
        return folded.computeIfAbsent(key, this::collect);
    }

    private Set<String> collect(String key) {
        Set<String> out = new HashSet<>();
        add(out, UiTexts.FALLBACK_LANGUAGE, key);
        for (String lang : version.survey().languages()) {
            add(out, lang, key);
        }
        return Set.copyOf(out);
    }

    private void add(Set<String> out, String lang, String key) {
        String list = ui.pattern(lang, key);
        if (list == null || list.equals(key)) {
            return;
        }
        for (String w : list.split("\\|")) {
            String f = TextFold.fold(w);
            if (!f.isEmpty()) {
                out.add(f);
            }
        }
    }
}
