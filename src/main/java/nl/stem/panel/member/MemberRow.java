package nl.stem.panel.member;

import java.util.Map;

/**
 * One valid line of a member file, normalised. Example: line 2
 * {@code M-001,whatsapp,+31 6 1234 5678,ar,,given,Utrecht} with an attribute column {@code region} is
 * {@code MemberRow(2, "M-001", "whatsapp", "+31612345678", "ar", null, "given", {region=Utrecht})}.
 *
 * @param number    E.164, null for Telegram
 * @param timeZone  IANA id, null for the default (Europe/Amsterdam)
 * @param consent   {@code given}, {@code refused} or {@code unknown}; null keeps what Stem knows
 * @param attributes the non-empty attribute cells, by column name
 */
record MemberRow(long line, String memberId, String channel, String number, String language, String timeZone,
                 String consent, Map<String, String> attributes) {
}
