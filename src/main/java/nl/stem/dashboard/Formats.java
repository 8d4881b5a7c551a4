package nl.stem.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the dashboard writes numbers in one language; {@code dashboard.js} writes them the same way
 * when it refreshes a page. Example in Dutch: {@code count(50000)} is "50.000", {@code pct(0.4286)} is
 * "42,9%", {@code duration(452.0)} is "0:07:32", a missing rate is "–".
 */
public final class Formats {
    /** What a figure without a denominator (or a median without completions) shows. */
    public static final String NONE = "–";

    private final Locale locale;
    private final ZoneId zone;

    public Formats(String language, ZoneId zone) {
        this.locale = Locale.forLanguageTag(language);
        this.zone = zone;
    }

    public String count(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    /** A share from 0 to 1 as a percentage with one decimal, rounded half up on the exact value (as JavaScript's toFixed). */
    public String pct(Double share) {
        if (share == null) {
            return NONE;
        }
        String digits = new BigDecimal(share * 100).setScale(1, RoundingMode.HALF_UP).toPlainString();
        return (locale.getLanguage().equals("nl") ? digits.replace('.', ',') : digits) + "%";
    }

    /** {@code part / whole} as a percentage, "–" when {@code whole} is 0. */
    public String pctOf(long part, long whole) {
        return pct(Rates.share(part, whole));
    }

    /** Seconds as h:mm:ss. */
    public String duration(Double seconds) {
        if (seconds == null) {
            return NONE;
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /** A moment as date and time in the dashboard's time zone, e.g. "2026-03-02 09:30". */
    public String dateTime(Instant at) {
        return at == null ? NONE : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).format(at.atZone(zone));
    }

    /** A threshold such as 0.8 as "80%". */
    public String threshold(BigDecimal share) {
        return share.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString().replace('.', locale.getLanguage().equals("nl") ? ',' : '.') + "%";
    }
}
