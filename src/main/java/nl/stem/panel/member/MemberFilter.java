package nl.stem.panel.member;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;

/**
 * A member search from query parameters, e.g.
 * {@code ?q=M-00&channel=whatsapp&language=ar&consent=given&status=active&attribute.region=Utrecht&limit=50&offset=0}.
 * Every parameter is optional; unknown parameters are refused (a misspelt filter would silently match everyone).
 *
 * @param q          part of the member id, or of the WhatsApp number / Telegram chat id (spaces and dashes ignored)
 * @param status     {@code active} (not opted out) or {@code opted_out}
 * @param attributes attribute name to exact value; all must match
 */
public record MemberFilter(String q, String channel, String language, String consent, String status,
                    Map<String, String> attributes, int limit, int offset) {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;
    public static final String ATTRIBUTE = "attribute.";
    private static final Set<String> NAMES = Set.of("q", "channel", "language", "consent", "status", "limit", "offset");

    public static MemberFilter of(Map<String, List<String>> params) {
        List<String> unknown = new ArrayList<>();
        Map<String, String> attributes = new TreeMap<>();
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            String name = p.getKey();
            if (name.startsWith(ATTRIBUTE)) {
                String attribute = name.substring(ATTRIBUTE.length());
                if (!MemberColumns.ATTRIBUTE.matcher(attribute).matches()) {
                    throw new StemException(ErrorCode.BAD_ATTRIBUTE, "'" + attribute + "' is not an attribute name");
                }
                attributes.put(attribute, single(p));
            } else if (!NAMES.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new StemException(ErrorCode.UNKNOWN_PARAMETER, "Unknown parameter(s) " + unknown
                    + "; use q, channel, language, consent, status, attribute.<name>, limit, offset");
        }
        String channel = lower(params, "channel");
        if (channel != null && !MemberRows.CHANNELS.contains(channel)) {
            throw new StemException(ErrorCode.BAD_CHANNEL, "channel must be whatsapp or telegram");
        }
        String consent = lower(params, "consent");
        if (consent != null && !MemberRows.CONSENTS.contains(consent)) {
            throw new StemException(ErrorCode.BAD_CONSENT, "consent must be given, refused or unknown");
        }
        String status = lower(params, "status");
        if (status != null && !status.equals("active") && !status.equals("opted_out")) {
            throw new StemException(ErrorCode.BAD_STATUS, "status must be active or opted_out");
        }
        String language = value(params, "language");
        if (language != null) {
            language = LanguageTag.normalise(language).orElseThrow(() ->
                    new StemException(ErrorCode.BAD_LANGUAGE, "language must be a BCP 47 tag such as ar, ti, fa-AF"));
        }
        int limit = number(params, "limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new StemException(ErrorCode.BAD_LIMIT, "limit must be between 1 and " + MAX_LIMIT);
        }
        int offset = number(params, "offset", 0);
        if (offset < 0) {
            throw new StemException(ErrorCode.BAD_OFFSET, "offset must be 0 or more");
        }
        return new MemberFilter(value(params, "q"), channel, language, consent, status, attributes, limit, offset);
    }

    private static String single(Map.Entry<String, List<String>> p) {
        if (p.getValue().size() != 1) {
            throw new StemException(ErrorCode.REPEATED_PARAMETER, "Give " + p.getKey() + " once");
        }
        return p.getValue().get(0);
    }

    /** The parameter's value, null when absent or empty. */
    private static String value(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null) {
            return null;
        }
        String v = single(Map.entry(name, values)).strip();
        return v.isEmpty() ? null : v;
    }

    private static String lower(Map<String, List<String>> params, String name) {
        String v = value(params, name);
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }

    private static int number(Map<String, List<String>> params, String name, int fallback) {
        String v = value(params, name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new StemException(ErrorCode.of("bad_" + name), name + " must be a whole number");
        }
    }
}
