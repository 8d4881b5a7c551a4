package nl.stem.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import nl.stem.text.ExternalText;

/**
 * The one check of a request's path and query, the place where ids and filter values in URLs come
 * in (survey ids, export filters, member searches, media lists). They are refused, not cleaned: a
 * caller asked for something precise. Refused are a {@code %} not followed by two hex digits, escapes
 * that are not UTF-8, and anything that decodes to a character Stem cannot hold
 * ({@link ExternalText}: U+0000, other controls, a lone surrogate).
 */
final class RequestUrl {
    private RequestUrl() {
    }

    /** Why the path or query is refused, or empty when both are fine. */
    static Optional<String> problem(String rawPath, String rawQuery) {
        Optional<String> path = part(rawPath, false, "the path");
        if (path.isPresent() || rawQuery == null || rawQuery.isEmpty()) {
            return path;
        }
        for (String pair : rawQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            Optional<String> p = part(name, true, "a query parameter name");
            if (p.isEmpty() && eq >= 0) {
                p = part(pair.substring(eq + 1), true, "query parameter " + shown(name));
            }
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> part(String raw, boolean query, String what) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        if (raw.indexOf('%') < 0 && ExternalText.firstUnfit(raw) < 0) {
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (lo < 0) {
                    return Optional.of(what + " has a '%' that is not followed by two hex digits");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && query) {
                bytes.write(' ');
            } else {
                int cp = raw.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i += Character.charCount(cp) - 1;
            }
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return Optional.of(what + " has %-escapes that are not UTF-8");
        }
        return ExternalText.problem(decoded).map(p -> what + " has " + p + " (decoded), a character Stem cannot store");
    }

    /** A parameter name for the message: short, and only if it is plain. */
    private static String shown(String name) {
        return name.matches("[A-Za-z0-9._-]{1,40}") ? "'" + name + "'" : "";
    }
}
