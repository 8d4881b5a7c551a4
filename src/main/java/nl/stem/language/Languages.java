package nl.stem.language;

import com.ibm.icu.text.DisplayContext;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.util.LocaleMatcher;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/**
 * Language tags as surveys use them (BCP 47: {@code ar}, {@code fa}, {@code prs}, {@code ti}...)
 * and what ICU knows about them. ICU has no data for Dari ({@code prs}), so Dari is aliased to
 * {@code fa-AF} for names, direction and formatting.
 */
public final class Languages {
    private static final String DARI = "prs";
    private static final ULocale DARI_ICU = new ULocale("fa_AF");
    // ICU builds these from its data under locks: computed once per tag, they cost nothing per message.
    private static final Map<String, ULocale> LOCALES = new ConcurrentHashMap<>();
    private static final Map<String, String> SELF_NAMES = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> RTL = new ConcurrentHashMap<>();
    private static final Map<String, String> FALLBACKS = new ConcurrentHashMap<>();

    private Languages() {
    }

    /** The ICU locale to format in: {@code prs -> fa-AF}, others canonicalised ({@code kmr -> ku}). */
    public static ULocale ulocale(String tag) {
        if (tag == null || tag.isBlank()) {
            return ULocale.ROOT;
        }
        return LOCALES.computeIfAbsent(tag, Languages::canonical);
    }

    private static ULocale canonical(String tag) {
        String t = tag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        if (t.equals(DARI) || t.startsWith(DARI + "-")) {
            return DARI_ICU;
        }
        return ULocale.createCanonical(ULocale.forLanguageTag(tag.strip().replace('_', '-')));
    }

    /**
     * The language's name in itself, capitalised for a menu where the language allows:
     * {@code ar -> العربية}, {@code ti -> ትግርኛ}, {@code prs -> دری}, {@code uk -> Українська}.
     */
    public static String selfName(String tag) {
        return tag == null ? null : SELF_NAMES.computeIfAbsent(tag, Languages::lookUpSelfName);
    }

    /**
     * Self-names where CLDR's do not serve a menu: ICU names Kurmanji "kurdî [kurmancî]", lower
     * case and with the dialect in brackets; its speakers call it Kurmancî.
     */
    private static final Map<String, String> SELF_NAME_OVERRIDES = Map.of("kmr", "Kurmancî");

    private static String lookUpSelfName(String tag) {
        String own = SELF_NAME_OVERRIDES.get(tag.strip().toLowerCase(Locale.ROOT));
        if (own != null) {
            return own;
        }
        ULocale l = ulocale(tag);
        LocaleDisplayNames names = LocaleDisplayNames.getInstance(l,
                DisplayContext.CAPITALIZATION_FOR_UI_LIST_OR_MENU, DisplayContext.DIALECT_NAMES);
        String name = names.localeDisplayName(l);
        return name == null || name.isBlank() ? tag : name;
    }

    /** Whether text in this language runs right to left (ar, fa, prs, ps, ckb, ur, he...). */
    public static boolean isRightToLeft(String tag) {
        if (tag == null || tag.isBlank()) {
            return false;
        }
        return RTL.computeIfAbsent(tag, t -> ULocale.addLikelySubtags(ulocale(t)).isRightToLeft());
    }

    /**
     * The supported tags a hint names, in the hint's order. A hint is one tag ({@code ar-SY}, as
     * Telegram's language_code) or a comma-separated list, most likely first ({@code fa,prs,ps,ar},
     * as the WhatsApp guess); each is matched as {@link #match} does, and parts that fit nothing
     * are left out. Parts matched to another language (ICU: ps -> en) come after the others.
     * Example: {@code ranked("fa-IR,ps,ar,xx", [nl, en, ar, fa]) -> [fa, ar, en]}.
     */
    public static List<String> ranked(String hint, List<String> supported) {
        if (hint == null || hint.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        List<String> fallbacks = new ArrayList<>();
        for (String part : hint.split(",")) {
            Optional<String> m = match(part.strip(), supported);
            if (m.isEmpty()) {
                continue;
            }
            // ICU also matches across languages (ps -> en, ckb -> ar: what speakers often read);
            // those come after every guess that matched its own language.
            (sameLanguage(part.strip(), m.get()) ? out : fallbacks).add(m.get());
        }
        out.addAll(fallbacks);
        return List.copyOf(new java.util.LinkedHashSet<>(out));
    }

    private static boolean sameLanguage(String a, String b) {
        return ulocale(a).getLanguage().equals(ulocale(b).getLanguage());
    }

    /**
     * The language to take texts from for {@code tag} when only {@code available} have them: the tag
     * itself, else the one ICU's LocaleMatcher finds closest ({@code prs -> fa}, {@code ar-SY -> ar}),
     * else {@code last} (the source language, English).
     * Example: {@code fallback("prs", [nl, en, fa], "nl") -> fa}.
     */
    public static String fallback(String tag, java.util.Collection<String> available, String last) {
        if (tag == null || available.contains(tag)) {
            return tag == null ? last : tag;
        }
        // Asked on every message for a language without texts: matched once per set of languages.
        List<String> sorted = new ArrayList<>(available);
        java.util.Collections.sort(sorted);
        return FALLBACKS.computeIfAbsent(tag + '\u0000' + String.join(",", sorted) + '\u0000' + last,
                k -> match(tag, sorted).orElse(last));
    }

    /**
     * The supported tag that best fits a hint such as Telegram's {@code language_code}, or empty when
     * none fits well enough (ICU's default threshold) or the hint is missing or garbage.
     * Example: {@code match("ar-SY", [en, ar]) -> ar}; {@code match("fa-AF", [fa, prs]) -> prs};
     * {@code match("be", [en, ru]) -> ru}.
     */
    public static Optional<String> match(String hint, List<String> supported) {
        if (hint == null || hint.isBlank() || supported == null || supported.isEmpty()) {
            return Optional.empty();
        }
        if (hint.indexOf(',') >= 0) {
            List<String> r = ranked(hint, supported);
            return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
        }
        try {
            ULocale desired = ulocale(hint);
            if (desired.getLanguage().isEmpty()) {
                return Optional.empty();
            }
            List<ULocale> icu = new ArrayList<>();
            for (String s : supported) {
                icu.add(ulocale(s));
            }
            LocaleMatcher matcher = LocaleMatcher.builder().setSupportedULocales(icu).setNoDefaultLocale().build();
            LocaleMatcher.Result r = matcher.getBestMatchResult(desired);
            int i = r.getSupportedIndex();
            return i < 0 ? Optional.empty() : Optional.of(supported.get(i));
        } catch (RuntimeException e) {
            // A malformed hint from a provider must never break a conversation: treat it as no hint.
            return Optional.empty();
        }
    }
}
