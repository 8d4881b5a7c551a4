package nl.stem.survey.xlsform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.ReadingOrder;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import nl.stem.language.Languages;

/**
 * Writes a {@link Workbook} as an .xlsx: every cell as text (so choice names such as {@code 1} stay
 * {@code 1}, and a label that starts with {@code =} stays a label), a bold frozen header row, and
 * columns of right-to-left languages (Arabic, Farsi, ...) set to read right to left.
 */
public final class XlsxWriter {
    private static final int MAX_WIDTH = 60;

    private XlsxWriter() {
    }

    public static byte[] write(Workbook workbook) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFCellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            XSSFCellStyle plain = wb.createCellStyle();
            plain.setVerticalAlignment(VerticalAlignment.TOP);
            plain.setWrapText(true);
            XSSFCellStyle rtl = wb.createCellStyle();
            rtl.cloneStyleFrom(plain);
            rtl.setReadingOrder(ReadingOrder.RIGHT_TO_LEFT);
            for (Sheet s : workbook.sheets()) {
                XSSFSheet sheet = wb.createSheet(s.name());
                int columns = 0;
                boolean[] rightToLeft = new boolean[1];
                int[] widths = new int[1];
                for (int r = 0; r < s.rows().size(); r++) {
                    SheetRow row = s.rows().get(r);
                    XSSFRow xr = sheet.createRow(row.number() - 1);
                    for (SheetCell c : row.cells()) {
                        if (c.column() > columns) {
                            columns = c.column();
                            rightToLeft = java.util.Arrays.copyOf(rightToLeft, columns + 1);
                            widths = java.util.Arrays.copyOf(widths, columns + 1);
                        }
                        if (r == 0) {
                            rightToLeft[c.column()] = isRightToLeft(c.value());
                        }
                        XSSFCell xc = xr.createCell(c.column() - 1);
                        xc.setCellValue(c.value());
                        CellStyle style = r == 0 ? header : rightToLeft[c.column()] ? rtl : plain;
                        xc.setCellStyle(style);
                        widths[c.column()] = Math.max(widths[c.column()], longestLine(c.value()));
                    }
                }
                if (!s.rows().isEmpty()) {
                    sheet.createFreezePane(0, 1);
                }
                for (int c = 1; c <= columns; c++) {
                    sheet.setColumnWidth(c - 1, Math.min(MAX_WIDTH, Math.max(8, widths[c] + 2)) * 256);
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing an .xlsx in memory failed", e);
        }
    }

    private static boolean isRightToLeft(String header) {
        XlsFormColumns.Column c = XlsFormColumns.parse(1, header);
        return c.language() != null && Languages.isRightToLeft(c.language());
    }

    private static int longestLine(String s) {
        int longest = 0;
        for (String line : s.split("\n", -1)) {
            longest = Math.max(longest, line.codePointCount(0, line.length()));
        }
        return longest;
    }
}
