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

    /**
     * The pattern for {@code key} in {@code language}, else in the translation ICU's LocaleMatcher
     * finds closest ({@code prs -> fa}: Dari speakers read Farsi), else in the source language.
     */
    public String pattern(String language, String key) {
        Map<String, String> texts = language == null ? null
                : byLanguage.get(nl.stem.language.Languages.fallback(language, byLanguage.keySet(), sourceLanguage));
        String p = texts == null ? null : texts.get(key);
        if (p == null) {
            Map<String, String> source = byLanguage.get(sourceLanguage);
            p = source == null ? null : source.get(key);
        }
        return p;
    }
}
