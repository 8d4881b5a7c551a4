package nl.stem.api.survey.xlsform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import nl.stem.api.ApiTokensForTests;
import nl.stem.api.PreviewDriver;
import nl.stem.api.PublishedForTests;

/** XLSForm over HTTP: export, import (body and multipart), publish, the problems of a bad form, and that nothing breaks it. */
@QuarkusTest
class XlsFormResourceTest {
    static final String XLSX = XlsFormResource.XLSX;

    @AfterEach
    void retireTestSurveys() {
        PublishedForTests.retireAll();
    }

    static byte[] export(String id, int version) {
        Response r = ApiTokensForTests.researcher().get("/api/surveys/" + id + "/versions/" + version + "/xlsform");
        r.then().statusCode(200).contentType(XLSX)
                .header("Content-Disposition", equalTo("attachment; filename=\"" + id + "-v" + version + ".xlsx\""));
        return r.asByteArray();
    }

    static Response post(byte[] xlsx, String query) {
        return ApiTokensForTests.researcher().contentType(XLSX).body(xlsx).post("/api/surveys/xlsform" + query);
    }

    @Test
    void exampleSurvey_exportedAndImportedUnedited_isTheSameVersion() {
        JsonPath v1 = ApiTokensForTests.researcher().get("/api/surveys/toegang_tot_werk/versions/1").then().statusCode(200)
                .extract().jsonPath();
        byte[] xlsx = export("toegang_tot_werk", 1);
        post(xlsx, "").then().statusCode(200).body("valid", equalTo(true)).body("surveyId", equalTo("toegang_tot_werk"))
                .body("checksum", equalTo(v1.getString("checksum"))).body("sameAsVersion", equalTo(1))
                .body("languages", equalTo(List.of("nl", "en", "ar", "ti", "fa", "prs", "ps", "ckb", "kmr", "so", "uk", "ru", "tr", "fr")));
        post(xlsx, "?publish=true").then().statusCode(200).body("created", equalTo(false)).body("version", equalTo(1))
                .body("checksum", equalTo(v1.getString("checksum")));
    }

    /**
     * As a new user would: export "Toegang tot werk" (a copy, so other tests keep the original),
     * reword a question and give it Arabic in a spreadsheet program, import it. The new version
     * publishes and the preview asks the reworded question in Arabic.
     */
    @Test
    void researcher_editsAnExportInASpreadsheet_andThePreviewAsksTheEditedQuestionInArabic() throws IOException {
        String id = PublishedForTests.remember("t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        byte[] copy = edit(export("toegang_tot_werk", 1), "settings", "form_id", null, id);
        ApiTokensForTests.researcher().multiPart("file", id + ".xlsx", copy, XLSX).post("/api/surveys/xlsform?publish=true")
                .then().statusCode(201).body("id", equalTo(id)).body("version", equalTo(1)).body("created", equalTo(true));

        byte[] exported = export(id, 1);
        String dutch = "Hoe goed heeft jouw contactpersoon bij de gemeente je geholpen om werk te vinden?";
        String arabic = "إلى أي مدى ساعدك الشخص المسؤول عنك في البلدية في العثور على عمل؟";
        byte[] edited = edit(edit(exported, "survey", "label::Dutch (nl)", "help_gem", dutch), "survey", "label::Arabic (ar)", "help_gem", arabic);
        JsonPath validated = ApiTokensForTests.researcher().multiPart("file", "edited.xlsx", edited, XLSX).post("/api/surveys/xlsform")
                .then().statusCode(200).body("valid", equalTo(true)).extract().jsonPath();
        assertEquals((Object) null, validated.get("sameAsVersion"));
        assertTrue(validated.getList("problems.message", String.class).stream().anyMatch(m -> m.contains("source text changed")),
                validated.prettify());
        ApiTokensForTests.researcher().get("/api/surveys/" + id + "/versions").then().statusCode(200).body("size()", equalTo(1));

        post(edited, "?publish=true").then().statusCode(201).body("version", equalTo(2)).body("created", equalTo(true))
                .body("problems.where", hasItem(startsWith("survey!")));
        ApiTokensForTests.researcher().get("/api/surveys/" + id + "/diff?from=1&to=2").then().statusCode(200)
                .body("changed.id", equalTo(List.of("help_gem")));

        PreviewDriver p = PreviewDriver.start(id, "ar").tap("a:consent:yes").tap("a:help_vwn:4");
        List<Map<String, Object>> messages = given().get("/try/api/conversations/" + p.token + "/messages?after=0").then()
                .statusCode(200).extract().jsonPath().getList("messages");
        Map<String, Object> last = messages.get(messages.size() - 1);
        assertEquals("help_gem", last.get("questionId"), messages.toString());
        assertTrue(last.get("text").toString().startsWith(arabic), last.toString());
        assertEquals(true, last.get("rtl"));
    }

    @Test
    void badForm_gets422WithEveryProblemBySheetRowAndColumn_andNothingIsPublished() {
        String id = PublishedForTests.remember("t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        byte[] form = FormsForHttp.form(id);
        JsonPath problem = post(form, "?publish=true").then().statusCode(422).contentType("application/json")
                .body("status", equalTo(422)).body("code", equalTo("xlsform_invalid"))
                .body("message", containsString("error(s)")).extract().jsonPath();
        List<Map<String, Object>> details = problem.getList("details");
        assertTrue(details.stream().anyMatch(d -> "survey".equals(d.get("sheet")) && Integer.valueOf(3).equals(d.get("row"))
                && "E".equals(d.get("column")) && "survey!E3".equals(d.get("where")) && "relevant".equals(d.get("header"))
                && d.get("message").toString().equals("'relevant' refers to unknown question 'agee' (did you mean age?)")), details.toString());
        assertTrue(details.stream().anyMatch(d -> "survey!A4".equals(d.get("where")) && d.get("message").toString().contains("the choice list 'nolist' does not exist")),
                details.toString());
        assertTrue(details.stream().anyMatch(d -> "survey!C5".equals(d.get("where")) && d.get("message").toString().contains("formula")),
                details.toString());
        ApiTokensForTests.researcher().get("/api/surveys/" + id + "/versions").then().statusCode(404);
    }

    @Test
    void notAForm_neverA500() {
        post("type,name,label\n".getBytes(), "").then().statusCode(422).body("code", equalTo("xlsform_unreadable"))
                .body("details[0].where", equalTo("workbook")).body("details[0].message", containsString("not an .xlsx"));
        post(new byte[] {'P', 'K', 3, 4, 9, 9}, "").then().statusCode(422).body("details[0].message", containsString("damaged zip"));
        ApiTokensForTests.researcher().contentType(XLSX).post("/api/surveys/xlsform").then().statusCode(400).body("code", equalTo("empty_body"));
        post(new byte[5_242_881], "").then().statusCode(413).body("code", equalTo("body_too_large"));
        ApiTokensForTests.researcher().contentType("text/csv").body("a,b").post("/api/surveys/xlsform").then().statusCode(415);
        post(new byte[] {1}, "?publish=maybe").then().statusCode(400).body("code", equalTo("bad_publish"));
        ApiTokensForTests.researcher().multiPart("other", "x").post("/api/surveys/xlsform").then().statusCode(400)
                .body("code", equalTo("file_required"));
        ApiTokensForTests.researcher().get("/api/surveys/no_such_survey/versions/1/xlsform").then().statusCode(404)
                .body("code", equalTo("survey_not_found"));
        ApiTokensForTests.researcher().get("/api/surveys/toegang_tot_werk/versions/99/xlsform").then().statusCode(404)
                .body("code", equalTo("version_not_found"));

        byte[] good = export("veiligheid_en_stabiliteit", 1);
        Random random = new Random(1203);
        for (int n = 0; n < 40; n++) {
            byte[] b = good.clone();
            for (int k = 0; k < 1 + random.nextInt(8); k++) {
                b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            if (n % 5 == 0) {
                b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
            }
            int status = post(b, "").statusCode();
            assertTrue(status == 200 || status == 422 || status == 400, "mutation " + n + " gave " + status);
        }
    }

    /** A form with problems, built in the test. */
    static final class FormsForHttp {
        static byte[] form(String id) {
            try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                XSSFSheet s = wb.createSheet("survey");
                rows(s, List.of(List.of("type", "name", "label::English (en)", "required", "relevant"),
                        List.of("integer", "age", "How old are you?", "yes", ""),
                        List.of("integer", "years", "Years here?", "yes", "${agee} > 18"),
                        List.of("select_one nolist", "x", "X?", "", ""),
                        List.of("text", "y", "", "", "")));
                s.getRow(4).createCell(2).setCellFormula("CONCAT(\"Y\",\"?\")");
                XSSFSheet settings = wb.createSheet("settings");
                rows(settings, List.of(List.of("form_id", "form_title"), List.of(id, "Bad form")));
                wb.write(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        static void rows(XSSFSheet s, List<List<String>> rows) {
            for (int r = 0; r < rows.size(); r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
        }
    }

    /** One cell changed, found by its column header and (in the survey sheet) the question's name; settings: the first row. */
    static byte[] edit(byte[] xlsx, String sheet, String header, String question, String value) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet s = wb.getSheet(sheet);
            DataFormatter f = new DataFormatter();
            List<String> headers = new ArrayList<>();
            for (Cell c : s.getRow(0)) {
                headers.add(f.formatCellValue(c));
            }
            int column = headers.indexOf(header);
            assertTrue(column >= 0, header + " not in " + headers);
            Row target = null;
            for (Row r : s) {
                if (r.getRowNum() > 0 && (question == null || question.equals(f.formatCellValue(r.getCell(1))))) {
                    target = r;
                    break;
                }
            }
            assertTrue(target != null, "no row " + question);
            Cell c = target.getCell(column) == null ? target.createCell(column) : target.getCell(column);
            c.setCellValue(value);
            wb.write(out);
            return out.toByteArray();
        }
    }
}
