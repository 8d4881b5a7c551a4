package nl.stem.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's language: Dutch or English, from {@code ?lang=} first, then the browser's
 * Accept-Language (by quality), else Dutch. Example: {@code choose(null, "en-GB,en;q=0.9,nl;q=0.8")} is "en".
 */
public final class DashboardLanguage {
    static final List<String> OFFERED = List.of("nl", "en");
    static final String DEFAULT = "nl";

    private DashboardLanguage() {
    }

    public static String choose(String lang, String acceptLanguage) {
        if (lang != null && OFFERED.contains(lang)) {
            return lang;
        }
        if (acceptLanguage == null || acceptLanguage.length() > 500) {
            return DEFAULT;
        }
        List<String[]> ranked = new ArrayList<>();
        for (String part : acceptLanguage.split(",")) {
            String[] pieces = part.split(";");
            String tag = pieces[0].strip().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].strip();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            String primary = tag.split("-")[0];
            if (q > 0 && OFFERED.contains(primary)) {
                ranked.add(new String[] {primary, Double.toString(q)});
            }
        }
        // A stable sort keeps the header's order among equal qualities.
        ranked.sort((a, b) -> Double.compare(Double.parseDouble(b[1]), Double.parseDouble(a[1])));
        return ranked.isEmpty() ? DEFAULT : ranked.get(0)[0];
    }
}
