package nl.stem.text;

import java.util.regex.Pattern;

/**
 * Makes a provider's or library's message fit for a log line: a provider may quote the number or
 * chat it could not reach ("The 'To' number whatsapp:+31612345678 is not valid"), and no phone number
 * or chat id may reach the logs (docs/data-protection.md). Runs of six or more digits, with the
 * separators numbers are written with, become {@code [number]}; the text is cut to 300 characters.
 * Example: {@code LogSafe.reason("chat 6123456789 not found")} is {@code "chat [number] not found"}.
 */
public final class LogSafe {
    private static final Pattern NUMBER = Pattern.compile("\\+?\\d(?:[\\d \\-.()]{4,}\\d)");
    private static final int MAX = 300;

    private LogSafe() {
    }

    public static String reason(String text) {
        if (text == null) {
            return null;
        }
        String safe = NUMBER.matcher(text).replaceAll(m -> m.group().replaceAll("\\D", "").length() >= 6 ? "[number]" : m.group());
        return safe.length() > MAX ? safe.substring(0, MAX) + "…" : safe;
    }
}
