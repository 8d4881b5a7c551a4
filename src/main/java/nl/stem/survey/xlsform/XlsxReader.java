package nl.stem.survey.xlsform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import nl.stem.survey.SurveyProblem.Severity;
import nl.stem.text.ExternalText;

/**
 * Reads an .xlsx into a {@link Workbook} with POI's streaming (SAX) reader: one pass over each sheet's
 * XML, never the whole object model. Whatever the bytes are, it answers with problems, never an
 * exception: not a zip, a damaged zip, an old .xls, an .ods, a zip bomb, too many sheets, rows,
 * columns or characters, formulas, error values, dates Excel made of typed text, and characters
 * Stem cannot store (U+0000 and other controls), each named by sheet and cell.
 *
 * <p>Before POI sees the file, the zip is unpacked once into nothing, counting every byte: its parts
 * may not unpack to more than {@link Limits#maxUnpackedBytes()} (the sizes a zip declares are not
 * trusted), so a zip bomb costs at most that much work and memory.
 */
public final class XlsxReader {

    /**
     * Bounds on what is read. Real XLSForms are far smaller: a form of 1,000 rows in ten
     * languages unpacks to about 3 MB.
     */
    public record Limits(long maxUnpackedBytes, int maxEntries, int maxSheets, int maxRows, int maxColumns,
                         int maxCellChars, long maxCells) {
        public static Limits defaults() {
            return new Limits(32L * 1024 * 1024, 1000, 30, 20_000, 200, 10_000, 1_000_000);
        }
    }

    /** The sheets that could be read (null when the file could not be opened at all) and every problem. */
    public record Result(Workbook workbook, List<XlsFormProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean hasErrors() {
            return workbook == null || problems.stream().anyMatch(XlsFormProblem::isError);
        }
    }

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final MathContext EXCEL_DIGITS = new MathContext(15);

    private final Limits limits;
    private final List<XlsFormProblem> problems = new ArrayList<>();
    private long cells;

    private XlsxReader(Limits limits) {
        this.limits = limits;
    }

    public static Result read(byte[] bytes) {
        return read(bytes, Limits.defaults());
    }

    public static Result read(byte[] bytes, Limits limits) {
        XlsxReader r = new XlsxReader(limits);
        Workbook wb = r.run(bytes == null ? new byte[0] : bytes);
        return new Result(wb, r.problems);
    }

    private Workbook run(byte[] bytes) {
        if (bytes.length == 0) {
            return refuse("the file is empty: send the .xlsx file itself");
        }
        if (startsWith(bytes, OLE2)) {
            return refuse("this is an Excel 97-2003 workbook (.xls) or a password-protected file: "
                    + "save it as an Excel Workbook (.xlsx) without a password");
        }
        if (!startsWith(bytes, ZIP)) {
            return refuse("this is not an .xlsx file (an .xlsx is a zip archive, and this "
                    + (looksLikeText(bytes) ? "looks like text, e.g. CSV" : "is not one")
                    + "): save the form as an Excel Workbook (.xlsx)");
        }
        if (!scanZip(bytes)) {
            return null;
        }
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
            XSSFReader reader = new XSSFReader(pkg, true);
            SharedStrings strings = reader.getSharedStringsTable();
            StylesTable styles = reader.getStylesTable();
            List<Sheet> sheets = new ArrayList<>();
            XSSFReader.SheetIterator it = reader.getSheetIterator();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    String name = it.getSheetName();
                    if (sheets.size() >= limits.maxSheets()) {
                        return refuse("the workbook has more than " + limits.maxSheets()
                                + " sheets; an XLSForm needs survey, choices and settings");
                    }
                    sheets.add(sheet(name, in, strings, styles));
                }
            }
            return new Workbook(sheets);
        } catch (Exception e) {
            // POI throws a dozen kinds for broken parts (NotOfficeXmlFile, InvalidFormat, POIXML,
            // XmlException, IllegalArgument...): all mean the same to the researcher.
            return refuse("the .xlsx cannot be read (" + describe(e) + "): open it in a spreadsheet program and save it again as .xlsx");
        } finally {
            if (pkg != null) {
                pkg.revert(); // closes without writing anything back
            }
        }
    }

    /**
     * Unpacks every part once, counting bytes, and checks it is a workbook. False (with the
     * problem reported) when the archive is damaged, too large unpacked, or not a spreadsheet.
     */
    private boolean scanZip(byte[] bytes) {
        long total = 0;
        int entries = 0;
        boolean workbook = false;
        boolean word = false;
        boolean presentation = false;
        String mimetype = null;
        byte[] buf = new byte[16 * 1024];
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                if (++entries > limits.maxEntries()) {
                    problem("the archive holds more than " + limits.maxEntries() + " parts: not an XLSForm (a zip bomb?)");
                    return false;
                }
                String name = e.getName();
                workbook |= name.equals("xl/workbook.xml");
                word |= name.startsWith("word/");
                presentation |= name.startsWith("ppt/");
                StringBuilder head = name.equals("mimetype") ? new StringBuilder() : null;
                int n;
                while ((n = zin.read(buf)) > 0) {
                    total += n;
                    if (total > limits.maxUnpackedBytes()) {
                        problem("the workbook unpacks to more than " + limits.maxUnpackedBytes() / (1024 * 1024)
                                + " MB: a zip bomb, or far larger than any form");
                        return false;
                    }
                    if (head != null && head.length() < 100) {
                        head.append(new String(buf, 0, Math.min(n, 100), StandardCharsets.US_ASCII));
                    }
                }
                if (head != null) {
                    mimetype = head.toString();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            problem("the file is a damaged zip archive (" + describe(e) + "): save the form again as .xlsx");
            return false;
        }
        if (entries == 0) {
            problem("the file is an empty or damaged zip archive, not an .xlsx");
            return false;
        }
        if (!workbook) {
            String what = mimetype != null && mimetype.contains("opendocument.spreadsheet")
                    ? "an OpenDocument spreadsheet (.ods): save it as Excel Workbook (.xlsx)"
                    : word ? "a Word document, not a workbook"
                    : presentation ? "a PowerPoint file, not a workbook"
                    : "a zip archive without a workbook in it: save the form as Excel Workbook (.xlsx)";
            problem("this is " + what);
            return false;
        }
        return true;
    }

    private Sheet sheet(String name, InputStream in, SharedStrings strings, StylesTable styles) {
        SheetHandler h = new SheetHandler(name, strings, styles);
        try {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(h);
            xml.parse(new InputSource(in));
        } catch (Stop stop) {
            // the limit was reported where it was passed; what was read so far is kept
        } catch (Exception e) {
            problems.add(new XlsFormProblem(Severity.ERROR, name, 0, 0, null,
                    "the sheet cannot be read (" + describe(e) + ")"));
        }
        h.finishRow();
        return new Sheet(name, h.rows);
    }

    /** Thrown inside the parser to stop a sheet at a limit. */
    private static final class Stop extends SAXException {
        Stop() {
            super("limit");
        }
    }

    private final class SheetHandler extends DefaultHandler {
        final String sheet;
        final SharedStrings strings;
        final StylesTable styles;
        final List<SheetRow> rows = new ArrayList<>();
        List<SheetCell> rowCells;
        int rowNumber;
        int lastColumn;
        boolean wideReported;
        // the cell being read
        String ref;
        String type;
        String style;
        boolean formula;
        final StringBuilder value = new StringBuilder();
        final StringBuilder inline = new StringBuilder();
        boolean inValue;
        boolean inInline;
        boolean inText;
        boolean inPhonetic;
        boolean tooLong;

        SheetHandler(String sheet, SharedStrings strings, StylesTable styles) {
            this.sheet = sheet;
            this.strings = strings;
            this.styles = styles;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            String el = localName == null || localName.isEmpty() ? qName : localName;
            switch (el) {
                case "row" -> {
                    finishRow();
                    String r = attributes.getValue("r");
                    int n = r == null ? rowNumber + 1 : parse(r, rowNumber + 1);
                    if (n > limits.maxRows() || rows.size() >= limits.maxRows()) {
                        problems.add(new XlsFormProblem(Severity.ERROR, sheet, 0, 0, null, "the sheet has more than "
                                + limits.maxRows() + " rows; Stem reads forms up to that size"));
                        throw new Stop();
                    }
                    rowNumber = n;
                    lastColumn = 0;
                    rowCells = new ArrayList<>();
                }
                case "c" -> {
                    ref = attributes.getValue("r");
                    type = attributes.getValue("t");
                    style = attributes.getValue("s");
                    formula = false;
                    tooLong = false;
                    value.setLength(0);
                    inline.setLength(0);
                }
                case "f" -> formula = true;
                case "v" -> inValue = true;
                case "is" -> inInline = true;
                case "t" -> inText = inInline && !inPhonetic;
                case "rPh" -> inPhonetic = true;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                append(value, ch, start, length);
            } else if (inText) {
                append(inline, ch, start, length);
            }
        }

        private void append(StringBuilder b, char[] ch, int start, int length) {
            int room = limits.maxCellChars() + 1 - b.length();
            if (room <= 0) {
                tooLong = true;
                return;
            }
            b.append(ch, start, Math.min(room, length));
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            String el = localName == null || localName.isEmpty() ? qName : localName;
            switch (el) {
                case "v" -> inValue = false;
                case "t" -> inText = false;
                case "rPh" -> inPhonetic = false;
                case "is" -> inInline = false;
                case "c" -> finishCell();
                case "row" -> finishRow();
                default -> {
                }
            }
        }

        void finishRow() {
            if (rowCells != null && !rowCells.isEmpty()) {
                rows.add(new SheetRow(rowNumber, rowCells));
            }
            rowCells = null;
        }

        private void finishCell() throws SAXException {
            if (rowCells == null) {
                // a cell outside a row: not something Excel writes; read it into a row of its own
                rowNumber = ref == null ? rowNumber + 1 : Math.max(1, Cells.rowOf(ref));
                rowCells = new ArrayList<>();
            }
            int column = ref == null ? lastColumn + 1 : Cells.columnOf(ref);
            if (column <= 0) {
                column = lastColumn + 1;
            }
            lastColumn = column;
            SheetCell cell = cell(column);
            if (cell == null) {
                return;
            }
            if (column > limits.maxColumns()) {
                if (!wideReported && !cell.value().isBlank()) {
                    wideReported = true;
                    problems.add(new XlsFormProblem(Severity.ERROR, sheet, rowNumber, column, null, "the sheet has values beyond column "
                            + Cells.columnName(limits.maxColumns()) + "; Stem reads at most " + limits.maxColumns() + " columns"));
                }
                return;
            }
            if (++cells > limits.maxCells()) {
                problems.add(new XlsFormProblem(Severity.ERROR, sheet, rowNumber, column, null,
                        "the workbook has more than " + limits.maxCells() + " cells; Stem reads forms up to that size"));
                throw new Stop();
            }
            rowCells.add(cell);
        }

        /** The cell just read, or null when it is empty. Problems with its content are reported here. */
        private SheetCell cell(int column) {
            String raw = value.toString();
            String text;
            SheetCell.Kind kind;
            String t = type == null ? "n" : type;
            switch (t) {
                case "s" -> {
                    text = sharedString(raw, column);
                    kind = SheetCell.Kind.TEXT;
                }
                case "inlineStr" -> {
                    text = inline.toString();
                    kind = SheetCell.Kind.TEXT;
                }
                case "str" -> {
                    text = raw;
                    kind = SheetCell.Kind.TEXT;
                }
                case "b" -> {
                    text = raw.strip().equals("1") ? "true" : raw.isBlank() ? "" : "false";
                    kind = SheetCell.Kind.BOOLEAN;
                }
                case "e" -> {
                    text = raw;
                    kind = SheetCell.Kind.ERROR;
                }
                case "d" -> {
                    text = raw;
                    kind = SheetCell.Kind.DATE;
                }
                default -> {
                    text = number(raw);
                    kind = isDate() ? SheetCell.Kind.DATE : SheetCell.Kind.NUMBER;
                }
            }
            if (formula) {
                kind = SheetCell.Kind.FORMULA;
            }
            if (text == null || (text.isEmpty() && kind != SheetCell.Kind.FORMULA)) {
                return null;
            }
            if (tooLong || text.length() > limits.maxCellChars()) {
                problems.add(new XlsFormProblem(Severity.ERROR, sheet, rowNumber, column, null, "the cell holds more than "
                        + limits.maxCellChars() + " characters; no text in a form is that long"));
                text = text.substring(0, Math.min(text.length(), limits.maxCellChars()));
            }
            String unfit = ExternalText.problem(text).orElse(null);
            if (unfit != null) {
                problems.add(new XlsFormProblem(Severity.ERROR, sheet, rowNumber, column, null,
                        "the cell holds " + unfit + ", a character Stem cannot store: retype the text"));
            }
            return new SheetCell(column, text, kind);
        }

        private String sharedString(String raw, int column) {
            int index = parse(raw.strip(), -1);
            if (strings == null || index < 0 || index >= strings.getCount()) {
                problems.add(new XlsFormProblem(Severity.ERROR, sheet, rowNumber, column, null,
                        "the cell refers to text the file does not contain: the .xlsx is damaged"));
                return "";
            }
            String s = strings.getItemAt(index).getString();
            if (s != null && s.length() > limits.maxCellChars()) {
                tooLong = true;
            }
            return s == null ? "" : s;
        }

        private boolean isDate() {
            if (styles == null || style == null) {
                return false;
            }
            try {
                CellStyle cs = styles.getStyleAt(parse(style, 0));
                return cs != null && DateUtil.isADateFormat(cs.getDataFormat(), cs.getDataFormatString());
            } catch (RuntimeException e) {
                return false;
            }
        }
    }

    /** A number as Excel shows it in General format: 15 significant digits, no trailing zeros. */
    static String number(String raw) {
        String s = raw.strip();
        if (s.isEmpty()) {
            return "";
        }
        try {
            BigDecimal d = new BigDecimal(s).round(EXCEL_DIGITS).stripTrailingZeros();
            if (d.signum() == 0) {
                return "0";
            }
            return d.scale() < -20 || d.scale() > 20 ? d.toString() : d.toPlainString();
        } catch (NumberFormatException e) {
            return s;
        }
    }

    private static int parse(String s, int fallback) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private Workbook refuse(String message) {
        problem(message);
        return null;
    }

    private void problem(String message) {
        problems.add(new XlsFormProblem(Severity.ERROR, null, 0, 0, null, message));
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeText(byte[] b) {
        int n = Math.min(b.length, 512);
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c < 0x09 || (c > 0x0D && c < 0x20)) {
                return false;
            }
        }
        return true;
    }

    /** The kind of failure without a stack trace or a path: "ZipException: invalid stored block lengths". */
    private static String describe(Throwable e) {
        String m = e.getMessage();
        if (m != null) {
            m = m.replaceAll("[\\r\\n\\t]+", " ");
            m = ExternalText.clean(m, 160);
        }
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }
}
