package nl.stem.engine;

import java.util.Map;

/**
 * Stem's own texts that respondents see (re-prompts, commands, help, thanks, language menu) per
 * language, as ICU MessageFormat patterns, read from {@code translations/_stem/<lang>.po}.
 * Falls back to English, then to the key itself, so a missing text never breaks a conversation.
 */
public record UiTexts(Map<String, Map<String, String>> byLanguage) {
    public static final String FALLBACK_LANGUAGE = "en";

    public UiTexts {
        byLanguage = Map.copyOf(byLanguage);
    }

    /**
     * The pattern for {@code key}: in {@code language}, or in the language ICU finds closest among
     * those Stem has texts in (a Dari respondent without Dari texts reads Farsi, not English), then English.
     */
    public String pattern(String language, String key) {
        String lang = language == null ? null : nl.stem.language.Languages.fallback(language, byLanguage.keySet(), FALLBACK_LANGUAGE);
        Map<String, String> texts = lang == null ? null : byLanguage.get(lang);
        String p = texts == null ? null : texts.get(key);
        if (p == null) {
            Map<String, String> en = byLanguage.get(FALLBACK_LANGUAGE);
            p = en == null ? null : en.get(key);
        }
        return p == null ? key : p;
    }
}
