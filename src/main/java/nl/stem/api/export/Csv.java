package nl.stem.api.export;

import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one CSV writer of every CSV Stem writes (exports, codebook, the wave's link list; results
 * tables should use it too). The dialect: RFC 4180 (comma, double quotes doubled, CRLF), UTF-8
 * without a byte order mark.
 *
 * <p><b>Formulas are neutralised</b> (OWASP, "CSV injection"): a cell that begins with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading apostrophe, so that
 * Excel and LibreOffice show it as text and never run it. A plain number ({@code -77}, {@code -3.5})
 * is left as it is: it cannot be a formula, and the missing-value codes and negative answers stay
 * numbers. A cell holding a semicolon or a tab is also quoted, so that a spreadsheet that splits on
 * its own list separator (Dutch Excel uses {@code ;}) cannot cut a formula out of it.
 */
public final class Csv {
    /** What a line break inside a cell becomes in one-line-per-row CSV (the wide CSV): U+2028 LINE SEPARATOR. */
    public static final String LINE_SEPARATOR = "\u2028";
    private static final Pattern NUMBER = Pattern.compile("-[0-9]+(\\.[0-9]+)?");
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    private Csv() {
    }

    /** A writer keeping line breaks inside cells (quoted, as RFC 4180 allows). */
    public static CsvWriter writer(OutputStream out) {
        return new CsvWriter(out, false);
    }

    /**
     * A writer that puts every row on one physical line: a line break inside a cell (CRLF, CR or LF)
     * is written as {@link #LINE_SEPARATOR}. For readers that end a row at every line break whatever
     * the quotes say, such as SPSS and PSPP ({@code GET DATA /DELCASE=LINE}).
     */
    public static CsvWriter oneLinePerRow(OutputStream out) {
        return new CsvWriter(out, true);
    }

    /**
     * The cell as a spreadsheet may safely see it: with a leading apostrophe when it begins with
     * {@code = + - @}, tab or CR, unless it is a plain (negative) number.
     */
    public static String neutralise(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        boolean formula = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        if (!formula || c == '-' && NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return "'" + cell;
    }

    /** RFC 3339 in UTC, e.g. {@code 2026-11-23T20:50:46.123Z}; empty for null. */
    static String time(Instant t) {
        return t == null ? "" : DateTimeFormatter.ISO_INSTANT.format(t);
    }

    /** Writes rows; every cell goes through {@link Csv#neutralise}. Not thread-safe. */
    public static final class CsvWriter implements Flushable {
        private final Writer out;
        private final boolean oneLine;

        CsvWriter(OutputStream out, boolean oneLine) {
            this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            this.oneLine = oneLine;
        }

        /** One row; null cells are empty, others are written as {@code String.valueOf}. */
        public void row(Object... cells) throws IOException {
            row(Arrays.asList(cells));
        }

        public void row(List<?> cells) throws IOException {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                Object v = cells.get(i);
                String s = v == null ? "" : String.valueOf(v);
                if (oneLine) {
                    s = LINE_BREAK.matcher(s).replaceAll(LINE_SEPARATOR);
                }
                write(neutralise(s), cells.size() == 1);
            }
            out.write("\r\n");
        }

        private void write(String s, boolean only) throws IOException {
            if (s.isEmpty()) {
                if (only) {
                    out.write("\"\""); // a row of one empty cell is not a blank line
                }
                return;
            }
            if (!needsQuotes(s)) {
                out.write(s);
                return;
            }
            out.write('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"') {
                    out.write('"');
                }
                out.write(c);
            }
            out.write('"');
        }

        private static boolean needsQuotes(String s) {
            if (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ') {
                return true;
            }
            for (int i = 0; i < s.length(); i++) {
                switch (s.charAt(i)) {
                    case ',', '"', '\r', '\n', ';', '\t':
                        return true;
                    default:
                        break;
                }
            }
            return false;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
