package nl.stem.survey.xlsform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Test XLSForms built with POI, the way a spreadsheet program saves them: strings, numbers typed as
 * numbers (choice names 1..5), booleans, formulas and dates where a case needs them.
 * Example: {@code Forms.form().sheet("survey", "type", "name", "label").row("text", "q1", "Naam?").xlsx()}.
 */
final class Forms {
    /** A formula cell, e.g. {@code new Formula("CONCAT(\"a\",\"b\")")}. */
    record Formula(String formula) {
    }

    private final Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
    private List<List<Object>> current;

    static Forms form() {
        return new Forms();
    }

    /** Starts a sheet with its header row. */
    Forms sheet(String name, Object... header) {
        current = new ArrayList<>();
        current.add(List.of(header));
        sheets.put(name, current);
        return this;
    }

    /** A row of the current sheet; null leaves a cell empty. */
    Forms row(Object... values) {
        List<Object> row = new ArrayList<>();
        for (Object v : values) {
            row.add(v);
        }
        current.add(row);
        return this;
    }

    /** A survey sheet with the usual columns and one language. */
    static Forms simple(String language) {
        return form().sheet("survey", "type", "name", "label::" + language, "required", "relevant");
    }

    byte[] xlsx() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("d-mmm"));
            for (Map.Entry<String, List<List<Object>>> s : sheets.entrySet()) {
                XSSFSheet sheet = wb.createSheet(s.getKey());
                for (int r = 0; r < s.getValue().size(); r++) {
                    XSSFRow row = sheet.createRow(r);
                    List<Object> values = s.getValue().get(r);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        if (v == null) {
                            continue;
                        }
                        XSSFCell cell = row.createCell(c);
                        if (v instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                        } else if (v instanceof Boolean b) {
                            cell.setCellValue(b);
                        } else if (v instanceof Formula f) {
                            cell.setCellFormula(f.formula());
                        } else if (v instanceof LocalDate d) {
                            cell.setCellValue(d);
                            cell.setCellStyle(date);
                        } else {
                            cell.setCellValue(v.toString());
                        }
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imported with no published versions. */
    XlsForms.Import read() {
        return XlsForms.read(xlsx(), "form.xlsx", ExampleSurveys.LOADER, XlsForms.Versions.NONE);
    }
}
