package nl.stem.panel.member;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The columns of a member file: the four required ones, the optional {@code time_zone} and
 * {@code consent}, and every other column a member attribute. Example: the header
 * {@code member_id,channel,whatsapp_number,language,region,arrival_year} has the attributes
 * {@code region} and {@code arrival_year}.
 */
record MemberColumns(int memberId, int channel, int whatsappNumber, int language, int timeZone, int consent,
                     Map<String, Integer> attributes, int width) {
    static final String MEMBER_ID = "member_id";
    static final String CHANNEL = "channel";
    static final String WHATSAPP_NUMBER = "whatsapp_number";
    static final String LANGUAGE = "language";
    static final String TIME_ZONE = "time_zone";
    static final String CONSENT = "consent";
    static final List<String> REQUIRED = List.of(MEMBER_ID, CHANNEL, WHATSAPP_NUMBER, LANGUAGE);
    static final Pattern ATTRIBUTE = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    static final int MAX_ATTRIBUTES = 50;
    /**
     * Attribute names that would put direct identifiers next to a member's answers; the number has its
     * own column and is kept apart from answers, the rest has no place in Stem.
     */
    static final Set<String> IDENTIFYING = Set.of("name", "first_name", "last_name", "full_name", "surname",
            "family_name", "email", "e_mail", "phone", "phone_number", "telephone", "mobile", "address",
            "street", "postcode", "postal_code", "bsn", "chat_id", "telegram_id", "birth_date", "date_of_birth");

    /** Column positions for a header, or every problem with it. */
    static MemberColumns of(List<String> header) {
        List<HeaderProblem> problems = new ArrayList<>();
        Map<String, Integer> positions = new LinkedHashMap<>();
        Map<String, Integer> attributes = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            Integer earlier = positions.putIfAbsent(name, i);
            if (earlier != null) {
                problems.add(new HeaderProblem(name, i + 1, "duplicate column (also column " + (earlier + 1) + ")"));
                continue;
            }
            if (REQUIRED.contains(name) || name.equals(TIME_ZONE) || name.equals(CONSENT)) {
                continue;
            }
            String problem = attributeProblem(name);
            if (problem != null) {
                problems.add(new HeaderProblem(name, i + 1, problem));
            } else {
                attributes.put(name, i);
            }
        }
        for (String required : REQUIRED) {
            if (!positions.containsKey(required)) {
                problems.add(new HeaderProblem(required, 0, "missing: the columns " + String.join(", ", REQUIRED)
                        + " are required"));
            }
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            problems.add(new HeaderProblem("", 0, attributes.size() + " attribute columns; at most " + MAX_ATTRIBUTES));
        }
        if (!problems.isEmpty()) {
            throw ImportRejected.header(problems);
        }
        return new MemberColumns(positions.get(MEMBER_ID), positions.get(CHANNEL), positions.get(WHATSAPP_NUMBER),
                positions.get(LANGUAGE), positions.getOrDefault(TIME_ZONE, -1), positions.getOrDefault(CONSENT, -1),
                attributes, header.size());
    }

    private static String attributeProblem(String name) {
        if (name.isEmpty()) {
            return "empty column name";
        }
        if (IDENTIFYING.contains(name)) {
            return "'" + name + "' would be personal data: attributes are for breakdowns (region, arrival_year, ...),"
                    + " never names, contact details or ids";
        }
        if (!ATTRIBUTE.matcher(name).matches()) {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            String hint = REQUIRED.contains(lower) || lower.equals(TIME_ZONE) || lower.equals(CONSENT)
                    ? " (write it as '" + lower + "')" : "";
            return "not a valid column: attribute names are lower-case letters, digits and _, start with a letter,"
                    + " at most 40 characters" + hint;
        }
        return null;
    }
}
