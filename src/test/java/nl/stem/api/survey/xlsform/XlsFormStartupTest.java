package nl.stem.api.survey.xlsform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.StemStartup;
import nl.stem.api.PublishedForTests;
import nl.stem.survey.SurveyCatalog;

/** surveys/<id>.xlsx beside the YAML surveys: published at start-up like them; a bad or doubled one is refused, the others load. */
@QuarkusTest
class XlsFormStartupTest {
    @Inject
    StemStartup startup;
    @Inject
    SurveyCatalog catalog;

    @AfterEach
    void retire() {
        PublishedForTests.retireAll();
    }

    static byte[] form(String id, String question) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XlsFormResourceTest.FormsForHttp.rows(wb.createSheet("survey"), List.of(
                    List.of("type", "name", "label::Dutch (nl)", "label::English (en)", "required"),
                    List.of("text", "naam", question, "Your name?", "yes")));
            XlsFormResourceTest.FormsForHttp.rows(wb.createSheet("settings"), List.of(
                    List.of("form_id", "form_title", "form_title::English (en)", "open_to_anyone"),
                    List.of(id, "Namen", "Names", "no")));
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void formsInTheSurveyDirectory_arePublished_andBadOnesRefusedWithoutStoppingTheOthers() throws IOException {
        Path dir = Files.createTempDirectory("surveys");
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String good = PublishedForTests.remember("form_" + suffix);
        String doubled = "dup_" + suffix;
        Files.write(dir.resolve(good + ".xlsx"), form(good, "Hoe heet je?"));
        Files.write(dir.resolve(doubled + ".xlsx"), form(doubled, "Naam?"));
        Files.writeString(dir.resolve(doubled + ".yaml"), "id: " + doubled + "\nquestions: [ broken");
        Files.write(dir.resolve("other_" + suffix + ".xlsx"), form("not_the_file_name", "Naam?"));
        Files.write(dir.resolve("junk_" + suffix + ".xlsx"), "not a workbook".getBytes());
        Files.write(dir.resolve("~$" + good + ".xlsx"), new byte[] {1, 2, 3}); // Excel's lock file while the form is open

        int refused = startup.publishDirectory(dir, dir.resolve("no-translations"));
        // the broken YAML, the form beside it, the form whose form_id is not its name, and the junk
        assertEquals(4, refused);
        var published = catalog.latest(good).orElseThrow();
        assertEquals(1, published.version().version());
        assertEquals(List.of("nl", "en"), published.version().survey().languages());
        assertTrue(catalog.latest(doubled).isEmpty());
        assertTrue(catalog.latest("not_the_file_name").isEmpty());

        assertEquals(4, startup.publishDirectory(dir, dir.resolve("no-translations")));
        assertEquals(1, catalog.latest(good).orElseThrow().version().version(), "the same form again: the same version");
        Files.write(dir.resolve(good + ".xlsx"), form(good, "Wat is je naam?"));
        startup.publishDirectory(dir, dir.resolve("no-translations"));
        assertEquals(2, catalog.latest(good).orElseThrow().version().version(), "an edited form: the next version");
    }
}
