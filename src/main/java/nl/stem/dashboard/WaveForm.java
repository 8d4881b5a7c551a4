package nl.stem.dashboard;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.panel.wave.WaveRequest;

/**
 * The new-wave form as typed, to fill it in again and to turn it into the same {@link WaveRequest}
 * the API takes. Times are in the dashboard's time zone.
 *
 * @param key a random key per form: a double submit launches one wave
 */
public record WaveForm(String name, String survey, String inviteAt, String reminders, String channel, String language,
                       String attributes, String members, String quietStart, String quietEnd, String key) {
    public WaveForm {
        name = orEmpty(name);
        survey = orEmpty(survey);
        inviteAt = orEmpty(inviteAt);
        reminders = orEmpty(reminders);
        channel = orEmpty(channel);
        language = orEmpty(language);
        attributes = orEmpty(attributes);
        members = orEmpty(members);
        quietStart = orEmpty(quietStart);
        quietEnd = orEmpty(quietEnd);
        key = orEmpty(key);
    }

    /** The request, or a 400 naming the field that cannot be read. */
    WaveRequest request(ZoneId zone, WaveFormMessages m) {
        Instant at = null;
        if (!inviteAt.isEmpty()) {
            try {
                at = LocalDateTime.parse(inviteAt).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new StemException(ErrorCode.BAD_INVITE_AT, m.bad_time());
            }
        }
        List<Integer> hours = new ArrayList<>();
        for (String part : reminders.split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                hours.add(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                throw new StemException(ErrorCode.BAD_REMINDER_HOURS, m.bad_reminders());
            }
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        for (String line : attributes.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq <= 0 || eq == l.length() - 1) {
                throw new StemException(ErrorCode.BAD_ATTRIBUTE, m.bad_attribute(l.length() > 60 ? l.substring(0, 60) + "…" : l));
            }
            attrs.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
        }
        List<String> ids = members.isBlank() ? null : members.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        WaveRequest.Quiet quiet = null;
        if (!quietStart.isEmpty() && !quietEnd.isEmpty()) {
            try {
                quiet = new WaveRequest.Quiet(LocalTime.parse(quietStart), LocalTime.parse(quietEnd));
            } catch (DateTimeParseException e) {
                throw new StemException(ErrorCode.BAD_QUIET_HOURS, m.bad_time());
            }
        }
        WaveRequest.Filter filter = new WaveRequest.Filter(blankToNull(channel), blankToNull(language), attrs);
        return new WaveRequest(name, survey, at, hours, ids, filter, quiet, key.isEmpty() ? null : key);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
