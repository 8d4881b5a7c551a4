package nl.stem.api.media;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One satisfiable byte range of a file (RFC 9110 section 14): {@code bytes=0-99}, {@code bytes=100-}
 * or {@code bytes=-100} (the last 100 bytes). Several ranges in one header are answered with the whole file.
 *
 * @param first first byte, inclusive
 * @param last  last byte, inclusive
 */
public record ByteRange(long first, long last) {
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /** Thrown for a range that cannot be satisfied: answered with 416. */
    public static class Unsatisfiable extends RuntimeException {
        Unsatisfiable() {
            super(null, null, false, false);
        }
    }

    public long length() {
        return last - first + 1;
    }

    /**
     * The range the header asks for in a file of {@code size} bytes; null to send the whole file
     * (no header, several ranges, or a header we do not understand, which RFC 9110 lets us ignore).
     *
     * @throws Unsatisfiable when the range lies outside the file
     */
    public static ByteRange parse(String header, long size) {
        if (header == null) {
            return null;
        }
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches()) {
            return null;
        }
        String a = m.group(1);
        String b = m.group(2);
        try {
            if (a.isEmpty() && b.isEmpty()) {
                return null;
            }
            if (a.isEmpty()) {
                long suffix = Long.parseLong(b);
                if (suffix == 0 || size == 0) {
                    throw new Unsatisfiable();
                }
                return new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long first = Long.parseLong(a);
            long last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
            if (first >= size) {
                throw new Unsatisfiable();
            }
            if (last < first) {
                return null; // syntactically invalid (last before first): ignore the header
            }
            return new ByteRange(first, last);
        } catch (NumberFormatException e) {
            throw new Unsatisfiable(); // numbers beyond any file size
        }
    }
}
