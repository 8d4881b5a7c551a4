package nl.stem.panel.member;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import nl.stem.identity.Channel;
import nl.stem.text.ExternalText;

/**
 * Checks every row of a member file on its own and against the other rows (the database is checked
 * later, by {@link MemberImport}). Each row either becomes a {@link MemberRow} or a {@link RowProblem}
 * with all its reasons, so a coordinator can fix the whole file at once.
 */
final class MemberRows {
    static final Pattern MEMBER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final Set<String> CHANNELS = Set.of(Channel.WHATSAPP.id(), Channel.TELEGRAM.id());
    static final Set<String> CONSENTS = Set.of("given", "refused", "unknown");
    static final int MAX_ATTRIBUTE_LENGTH = 200;

    /** The valid rows and the rejected ones, each in file order. */
    record Checked(List<MemberRow> valid, List<RowProblem> rejected) {
    }

    private MemberRows() {
    }

    static Checked check(MemberFile file, MemberColumns columns) {
        List<MemberRow> valid = new ArrayList<>();
        List<RowProblem> rejected = new ArrayList<>();
        Map<String, Long> memberIds = new HashMap<>();
        Map<String, Long> numbers = new HashMap<>();
        // A file has few distinct languages and zones; ICU and the zone table are asked once for each.
        Map<String, Optional<String>> languages = new HashMap<>();
        Map<String, Optional<String>> zones = new HashMap<>();
        for (MemberFile.Row row : file.rows()) {
            List<String> reasons = new ArrayList<>(ExternalText.cellProblems(file.header(), row.cells()));
            if (row.cells().size() > columns.width()) {
                reasons.add("the row has " + row.cells().size() + " cells, the header " + columns.width() + " columns");
            }
            String memberId = row.cell(columns.memberId());
            if (memberId.isEmpty()) {
                reasons.add("member_id is required");
            } else if (!MEMBER_ID.matcher(memberId).matches()) {
                reasons.add("member_id '" + memberId + "' may only have letters, digits, '.', '_' and '-' (at most 64)");
            } else {
                Long earlier = memberIds.putIfAbsent(memberId, row.line());
                if (earlier != null) {
                    reasons.add("member_id '" + memberId + "' is also on line " + earlier);
                }
            }
            String channel = row.cell(columns.channel()).toLowerCase(Locale.ROOT);
            if (!CHANNELS.contains(channel)) {
                reasons.add(channel.isEmpty() ? "channel is required (whatsapp or telegram)"
                        : "unknown channel '" + row.cell(columns.channel()) + "': whatsapp or telegram");
            }
            String number = number(row.cell(columns.whatsappNumber()), channel, reasons);
            if (number != null) {
                Long earlier = numbers.putIfAbsent(number, row.line());
                if (earlier != null) {
                    reasons.add("whatsapp_number " + number + " is also on line " + earlier);
                }
            }
            String writtenLanguage = row.cell(columns.language());
            String language = null;
            if (writtenLanguage.isEmpty()) {
                reasons.add("language is required (a BCP 47 tag such as ar, ti, fa-AF)");
            } else {
                language = languages.computeIfAbsent(writtenLanguage, LanguageTag::normalise).orElse(null);
                if (language == null) {
                    reasons.add("language '" + writtenLanguage + "' is not a known language as a BCP 47 tag (e.g. ar, ti, fa-AF)");
                }
            }
            String timeZone = null;
            String writtenZone = columns.timeZone() < 0 ? "" : row.cell(columns.timeZone());
            if (!writtenZone.isEmpty()) {
                timeZone = zones.computeIfAbsent(writtenZone, TimeZones::normalise).orElse(null);
                if (timeZone == null) {
                    reasons.add("time_zone '" + writtenZone + "' is not an IANA time zone (e.g. Europe/Amsterdam)");
                }
            }
            String consent = columns.consent() < 0 ? "" : row.cell(columns.consent()).toLowerCase(Locale.ROOT);
            if (!consent.isEmpty() && !CONSENTS.contains(consent)) {
                reasons.add("consent must be given, refused, unknown or empty, not '" + row.cell(columns.consent()) + "'");
            }
            Map<String, String> attributes = new TreeMap<>();
            for (Map.Entry<String, Integer> a : columns.attributes().entrySet()) {
                String value = Normalizer.normalize(row.cell(a.getValue()), Normalizer.Form.NFC);
                if (value.length() > MAX_ATTRIBUTE_LENGTH) {
                    reasons.add(a.getKey() + " is longer than " + MAX_ATTRIBUTE_LENGTH + " characters");
                } else if (!value.isEmpty()) {
                    attributes.put(a.getKey(), value);
                }
            }
            if (reasons.isEmpty()) {
                valid.add(new MemberRow(row.line(), memberId, channel, number, language, timeZone,
                        consent.isEmpty() ? null : consent, attributes));
            } else {
                rejected.add(new RowProblem(row.line(), memberId, reasons));
            }
        }
        return new Checked(valid, rejected);
    }

    /** The E.164 number for a WhatsApp member; null (and maybe a reason) otherwise. */
    private static String number(String written, String channel, List<String> reasons) {
        if (Channel.TELEGRAM.is(channel)) {
            if (!written.isEmpty()) {
                reasons.add("whatsapp_number must be empty for telegram: a Telegram member links by opening their invitation");
            }
            return null;
        }
        if (!Channel.WHATSAPP.is(channel)) {
            return null;
        }
        if (written.isEmpty()) {
            reasons.add("whatsapp_number is required for whatsapp (international format, e.g. +31612345678)");
            return null;
        }
        var checked = WhatsAppNumber.check(written);
        if (checked.number().isEmpty()) {
            reasons.add("whatsapp_number '" + written + "' " + checked.reason());
            return null;
        }
        return checked.number().get().e164();
    }
}
