package nl.stem.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What every dashboard page needs around its content: its language, who is logged in, and links that
 * keep the language. Example: {@code new Page("en", "anna", "/dashboard/waves/7", Map.of("by", "region"))}
 * links to Dutch as {@code /dashboard/waves/7?by=region&lang=nl}.
 *
 * @param user the token's name, or null on the login page
 */
public record Page(String lang, String user, String path, Map<String, String> query) {
    public Page {
        query = new LinkedHashMap<>(query);
    }

    /** This page in another language. */
    public String hrefIn(String language) {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put("lang", language);
        return path + "?" + encode(q);
    }

    /** Another dashboard path in this page's language. */
    public String href(String otherPath) {
        return otherPath + "?lang=" + lang;
    }

    /** This page with one query parameter set, e.g. the next page of a list. */
    public String hrefWith(String key, long value) {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put(key, String.valueOf(value));
        q.put("lang", lang);
        return path + "?" + encode(q);
    }

    /** A survey's page in this page's language. */
    public String surveyHref(String surveyId) {
        return href("/dashboard/surveys/" + URLEncoder.encode(surveyId, StandardCharsets.UTF_8));
    }

    /** A member's page in this page's language. */
    public String memberHref(String memberId) {
        return href("/dashboard/members/" + URLEncoder.encode(memberId, StandardCharsets.UTF_8));
    }

    /** A member's erasure confirmation in this page's language. */
    public String memberEraseHref(String memberId) {
        return href("/dashboard/members/" + URLEncoder.encode(memberId, StandardCharsets.UTF_8) + "/erase");
    }

    /** A wave's page in this page's language. */
    public String waveHref(long waveId) {
        return href("/dashboard/waves/" + waveId);
    }

    /** Whether the page is in {@code language}. */
    public boolean in(String language) {
        return lang.equals(language);
    }

    private static String encode(Map<String, String> q) {
        return q.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
