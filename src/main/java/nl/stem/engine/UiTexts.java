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

    public String pattern(String language, String key) {
        Map<String, String> texts = language == null ? null : byLanguage.get(language);
        String p = texts == null ? null : texts.get(key);
        if (p == null) {
            Map<String, String> en = byLanguage.get(FALLBACK_LANGUAGE);
            p = en == null ? null : en.get(key);
        }
        return p == null ? key : p;
    }
}
