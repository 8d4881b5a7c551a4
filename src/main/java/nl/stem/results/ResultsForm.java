package nl.stem.results;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The results page's filter form as submitted, to fill the form in again and to build links (CSV,
 * JSON, other languages) that keep the same filters.
 *
 * @param text the language of the question texts (the survey's), "" for its source language
 * @param view {@code ioi} (grouped by IoI domain) or {@code survey} (survey order)
 */
public record ResultsForm(List<String> waves, String from, String to, String language, String channel, String by, boolean paired,
                          String text, String view) {
    public ResultsForm {
        waves = waves == null ? List.of() : waves.stream().filter(w -> w != null && !w.isBlank()).toList();
        from = orEmpty(from);
        to = orEmpty(to);
        language = orEmpty(language);
        channel = orEmpty(channel);
        by = orEmpty(by);
        text = orEmpty(text);
        view = "survey".equals(view) ? "survey" : "ioi";
    }

    /** Whether wave {@code id} is chosen. */
    public boolean hasWave(long id) {
        return waves.stream().anyMatch(w -> w.strip().equals(Long.toString(id)));
    }

    public boolean surveyOrder() {
        return view.equals("survey");
    }

    /** The filters as a query string (without the page's {@code lang}), e.g. {@code wave=3&wave=4&by=region}. */
    public String query() {
        List<String> parts = new ArrayList<>();
        waves.forEach(w -> parts.add("wave=" + enc(w)));
        add(parts, "from", from);
        add(parts, "to", to);
        add(parts, "language", language);
        add(parts, "channel", channel);
        add(parts, "by", by);
        if (paired) {
            parts.add("paired=true");
        }
        add(parts, "text", text);
        if (surveyOrder()) {
            parts.add("view=survey");
        }
        return String.join("&", parts);
    }

    /** The filters the exports take (waves, dates, language, channel), for links to every export format. */
    public String exportQuery() {
        List<String> parts = new ArrayList<>();
        if (!waves.isEmpty()) {
            parts.add("wave=" + enc(String.join(",", waves)));
        }
        add(parts, "from", from);
        add(parts, "to", to);
        add(parts, "language", language);
        add(parts, "channel", channel);
        return String.join("&", parts);
    }

    /** The same filters as API parameters (the question texts' language as {@code lang}). */
    public String apiQuery() {
        return query().replaceAll("(^|&)text=", "$1lang=").replaceAll("(^|&)view=survey", "");
    }

    ResultsRequests.Params params(String survey) {
        ResultsRequests.Params p = new ResultsRequests.Params();
        p.survey = survey;
        p.wave = waves;
        p.from = blankToNull(from);
        p.to = blankToNull(to);
        p.language = blankToNull(language);
        p.channel = blankToNull(channel);
        p.by = blankToNull(by);
        p.paired = paired ? "true" : null;
        p.lang = blankToNull(text);
        return p;
    }

    private static void add(List<String> parts, String name, String value) {
        if (!value.isEmpty()) {
            parts.add(name + "=" + enc(value));
        }
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
