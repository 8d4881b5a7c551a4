package nl.stem.survey.model;

import java.util.Map;

/**
 * A survey's texts per language: ICU MessageFormat patterns keyed by stable keys
 * ({@code survey.title}, {@code <q>.text}, {@code <q>.choice.<c>}, {@code <q>.min_label},
 * {@code <q>.max_label}). The source language's texts come from the survey file itself.
 */
public record SurveyTexts(String sourceLanguage, Map<String, Map<String, String>> byLanguage) {
    public SurveyTexts {
        byLanguage = Map.copyOf(byLanguage);
    }

    /** The pattern for {@code key} in {@code language}, falling back to the source language. */
    public String pattern(String language, String key) {
        Map<String, String> texts = byLanguage.get(language);
        String p = texts == null ? null : texts.get(key);
        if (p == null) {
            Map<String, String> source = byLanguage.get(sourceLanguage);
            p = source == null ? null : source.get(key);
        }
        return p;
    }
}
