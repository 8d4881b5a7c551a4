package nl.stem.results;

import java.text.NumberFormat;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/**
 * Shares as percentages in the page's language, for templates: {@code {str:pct(0.425, 'ar')}} is
 * "٤٢٫٥٪" in Arabic, "42,5%" in Dutch. One decimal, none for whole numbers.
 */
@TemplateExtension(namespace = "str")
public final class Percentages {
    private Percentages() {
    }

    public static String pct(Double share, String language) {
        if (share == null) {
            return "–";
        }
        NumberFormat f = NumberFormat.getPercentInstance(Locale.forLanguageTag(language));
        f.setMaximumFractionDigits(1);
        return f.format(share);
    }

    /** The export formats the results page links to, as paths under {@code /api/exports/}. */
    public static java.util.List<String> exportFormats() {
        return java.util.List.of("long.csv", "wide.csv", "wide.sps", "wide.do", "codebook.html", "codebook.csv", "codebook.json",
                "flow-results.zip");
    }

    /** A language's name in itself: {@code selfName("ar")} is "العربية". */
    public static String selfName(String tag) {
        return nl.stem.language.Languages.selfName(tag);
    }

    /** A mean or median with at most two decimals. */
    public static String decimal(Double value, String language) {
        if (value == null) {
            return "–";
        }
        NumberFormat f = NumberFormat.getNumberInstance(Locale.forLanguageTag(language));
        f.setMaximumFractionDigits(2);
        return f.format(value);
    }
}
