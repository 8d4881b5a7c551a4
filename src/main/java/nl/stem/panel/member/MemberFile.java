package nl.stem.panel.member;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;

/**
 * A coordinator's member list as read from CSV: the header and every row with the line it starts on.
 * UTF-8 (an optional byte order mark is dropped, as Excel writes one), RFC 4180 quoting, and the
 * delimiter of the header line: {@code ;} when the header has one (Excel in Dutch), else {@code ,}.
 * Blank lines and rows of empty cells are skipped. Example:
 * <pre>
 * member_id;channel;whatsapp_number;language;region
 * M-001;whatsapp;+31 6 1234 5678;ar;Utrecht
 * </pre>
 * reads as header {@code [member_id, channel, whatsapp_number, language, region]} and one row on line 2.
 */
record MemberFile(List<String> header, List<Row> rows) {

    /** One data row: the physical line it starts on (the header is line 1) and its cells, trimmed. */
    record Row(long line, List<String> cells) {
        /** The cell at {@code index}, or "" when the row is shorter. */
        String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    private static final char BOM = '\uFEFF';

    static MemberFile read(byte[] bytes) {
        String text = decode(bytes);
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter(text))
                .setIgnoreEmptyLines(false)
                .setTrim(true)
                .get();
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            long before = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                long line = before + 1;
                before = parser.getCurrentLineNumber();
                List<String> cells = record.toList();
                if (cells.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                if (header == null) {
                    header = cells;
                } else {
                    rows.add(new Row(line, cells));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new StemException(ErrorCode.MALFORMED_CSV, "The file is not valid CSV: " + e.getMessage());
        }
        if (header == null) {
            throw new StemException(ErrorCode.EMPTY_FILE, "The file is empty: send a header line and one line per member");
        }
        return new MemberFile(header, rows);
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new StemException(ErrorCode.NOT_UTF8, "The file is not UTF-8: save it as \"CSV UTF-8\"");
        }
    }

    /** Header names cannot contain either delimiter, so the header line tells which one is used. */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        return first.indexOf(';') >= 0 ? ';' : ',';
    }
}
