package nl.stem.api.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The exports' CSV dialect: RFC 4180 (comma, double quotes, CRLF), UTF-8 without a byte order mark. */
public final class Csv {
    static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private Csv() {
    }

    static CSVPrinter printer(OutputStream out) throws IOException {
        return new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024), FORMAT);
    }

    /** RFC 3339 in UTC, e.g. {@code 2026-11-23T20:50:46.123Z}; empty for null. */
    static String time(Instant t) {
        return t == null ? "" : DateTimeFormatter.ISO_INSTANT.format(t);
    }
}
