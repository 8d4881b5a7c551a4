package nl.stem.survey.xlsform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

/**
 * Whatever arrives as an "XLSForm", the import answers with problems, never an exception (which
 * the API would turn into a 500): not a zip, damaged zips, zip bombs, foreign files, broken XML,
 * entity bombs, limits passed, wrong cell types, NUL, and thousands of seeded random mutations of a
 * real form.
 */
class BrokenWorkbookTest {

    static final byte[] GOOD = XlsFormImportTest.koboForm().xlsx();

    static XlsForms.Import read(byte[] bytes) {
        try {
            return XlsForms.read(bytes, "form.xlsx", ExampleSurveys.LOADER, XlsForms.Versions.NONE);
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("the import threw instead of reporting a problem", e);
        }
    }

    static void assertRefused(byte[] bytes, String fragment) {
        XlsForms.Import i = read(bytes);
        assertFalse(i.valid(), "accepted");
        for (XlsFormProblem p : i.problems()) {
            if (p.isError() && p.toString().contains(fragment)) {
                return;
            }
        }
        fail("no error containing \"" + fragment + "\" in:\n" + XlsFormImportTest.list(i));
    }

    @Test
    void goodForm_isValid() {
        assertTrue(read(GOOD).valid(), XlsFormImportTest.list(read(GOOD)));
    }

    @Test
    void notAnXlsx_isNamedForWhatItIs() {
        assertRefused(new byte[0], "the file is empty");
        assertRefused("type,name,label\ntext,a,A\n".getBytes(StandardCharsets.UTF_8), "looks like text, e.g. CSV");
        assertRefused("%PDF-1.7\n\u0000\u0001binary".getBytes(StandardCharsets.ISO_8859_1), "this is not an .xlsx file");
        assertRefused(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0},
                "Excel 97-2003 workbook (.xls)");
        assertRefused(zip(Map.of("mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<x/>")),
                "OpenDocument spreadsheet (.ods)");
        assertRefused(zip(Map.of("word/document.xml", "<w/>", "[Content_Types].xml", "<Types/>")), "a Word document");
        assertRefused(zip(Map.of("hello.txt", "hi")), "a zip archive without a workbook in it");
        assertRefused(new byte[] {'P', 'K', 3, 4, 1, 2, 3}, "damaged zip archive");
        assertRefused(Arrays.copyOf(GOOD, GOOD.length / 2), "");
    }

    @Test
    void zipBomb_isStoppedAtTheUnpackedLimit() {
        // 64 MB of zeros packs into about 64 KB: refused after unpacking 32 MB, within a few seconds
        byte[] bomb = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                z.putNextEntry(new ZipEntry("xl/workbook.xml"));
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < 64; i++) {
                    z.write(zeros);
                }
                z.closeEntry();
            }
            return out.toByteArray();
        });
        assertTrue(bomb.length < 1_000_000, "the bomb is small: " + bomb.length);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertRefused(bomb, "unpacks to more than 32 MB"));

        ByteArrayOutputStream many = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(many)) {
            for (int i = 0; i < 1500; i++) {
                z.putNextEntry(new ZipEntry("x/" + i));
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertRefused(many.toByteArray(), "more than 1000 parts");
    }

    @Test
    void brokenXmlInside_isReportedForItsSheet() {
        String sheet = "xl/worksheets/sheet1.xml";
        assertRefused(replace(GOOD, sheet, "<worksheet><sheetData><row r=\"1\"><c r=\"A1\""), "the sheet cannot be read");
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
                + "<is><t>&lol3;</t></is></c></row></sheetData></worksheet>";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertRefused(replace(GOOD, sheet, bomb), "the sheet cannot be read"));
        assertRefused(replace(GOOD, "xl/sharedStrings.xml", "<sst><si><t>only one</t></si></sst>"), "");
        assertRefused(replace(GOOD, "xl/workbook.xml", "not xml at all"), "the .xlsx cannot be read");
    }

    @Test
    void limits_rowsColumnsSheetsAndCells() {
        StringBuilder rows = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        rows.append("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>type</t></is></c></row>");
        for (int r = 2; r <= 20_500; r++) {
            rows.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\" t=\"inlineStr\"><is><t>note</t></is></c></row>");
        }
        rows.append("</sheetData></worksheet>");
        assertRefused(replace(GOOD, "xl/worksheets/sheet1.xml", rows.toString()), "the sheet has more than 20000 rows");

        Forms wide = Forms.simple("English (en)");
        Object[] row = new Object[260];
        row[0] = "text";
        row[1] = "a";
        row[2] = "A";
        row[259] = "far away";
        wide.row(row);
        assertRefused(wide.xlsx(), "Stem reads at most 200 columns");

        Forms sheets = Forms.simple("English (en)").row("text", "a", "A", null, null);
        for (int i = 0; i < 31; i++) {
            sheets.sheet("extra" + i, "x").row("y");
        }
        assertRefused(sheets.xlsx(), "more than 30 sheets");

        assertRefused(Forms.simple("English (en)").row("text", "a", "A".repeat(12_000), null, null).xlsx(),
                "survey!C2: the cell holds more than 10000 characters");
    }

    @Test
    void wrongCellTypes_andCharactersStemCannotStore() {
        XlsForms.Import ok = read(Forms.simple("English (en)").row("text", 12, 42, true, null).xlsx());
        // a number as a name and a label, a boolean as required: read as their text
        XlsFormImportTest.assertProblem(ok, "survey!B2", nl.stem.survey.SurveyProblem.Severity.ERROR, "invalid question id '12'");
        // an .xlsx keeps control characters as _xHHHH_ escapes (XML cannot hold them): U+0000 arrives that way
        assertRefused(Forms.simple("English (en)").row("text", "a", "A_x0000_B", null, null).xlsx(), "survey!C2: the cell holds U+0000");
        assertRefused(Forms.simple("English (en)").row("text", "a", "A_x0007_B", null, null).xlsx(), "U+0007");
        assertRefused(Forms.simple("English (en)").row("text", "a_x0000_", "A", null, null).xlsx(), "survey!B2: the cell holds U+0000");
        assertRefused(Forms.simple("English (en)").row("text", "a", "ok", null, null)
                .row(new Forms.Formula("1/0"), "b", "B", null, null).xlsx(), "the cell is a formula");
        assertRefused(replace(GOOD, "xl/worksheets/sheet1.xml", "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>type</t></is></c><c r=\"B1\" t=\"e\"><v>#N/A</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>99999</v></c></row></sheetData></worksheet>"), "the file does not contain");
    }

    /** Seeded random damage to a real form: bytes flipped, cut, repeated, zeroed. */
    @Test
    void mutatedForms_neverThrow() {
        long seed = Long.getLong("stem.fuzz.seed", 20251203L);
        Random random = new Random(seed);
        int valid = 0;
        for (int n = 0; n < 400; n++) {
            byte[] b = GOOD.clone();
            int kind = random.nextInt(4);
            switch (kind) {
                case 0 -> {
                    for (int k = 0; k < 1 + random.nextInt(20); k++) {
                        b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                    }
                }
                case 1 -> b = Arrays.copyOf(b, random.nextInt(b.length));
                case 2 -> {
                    int from = random.nextInt(b.length);
                    Arrays.fill(b, from, Math.min(b.length, from + random.nextInt(2000)), (byte) 0);
                }
                default -> {
                    int at = random.nextInt(b.length);
                    byte[] grown = new byte[b.length + 500];
                    System.arraycopy(b, 0, grown, 0, at);
                    System.arraycopy(b, at, grown, at + 500, b.length - at);
                    b = grown;
                }
            }
            XlsForms.Import i;
            try {
                i = XlsForms.read(b, "form.xlsx", ExampleSurveys.LOADER, XlsForms.Versions.NONE);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("seed " + seed + ", mutation " + n + " (kind " + kind + ") threw", e);
            }
            assertNotNull(i.problems());
            if (i.valid()) {
                valid++;
            } else {
                assertTrue(i.problems().stream().anyMatch(XlsFormProblem::isError), "invalid without an error: seed " + seed + ", " + n);
            }
        }
        assertTrue(valid < 400, "some mutations must break the form");
    }

    // ---- zips -----------------------------------------------------------------------------------

    static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(entries).entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    /** The .xlsx with one part's content replaced. */
    static byte[] replace(byte[] xlsx, String name, String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e;
            boolean found = false;
            while ((e = in.getNextEntry()) != null) {
                z.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(name)) {
                    z.write(content.getBytes(StandardCharsets.UTF_8));
                    found = true;
                } else {
                    in.transferTo(z);
                }
                z.closeEntry();
            }
            if (!found) {
                throw new AssertionError("no part " + name);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }
}
