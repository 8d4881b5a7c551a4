package nl.stem.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Publishing makes immutable versions: unchanged sources keep theirs, changed ones get the next. */
@QuarkusTest
class SurveyPublisherTest {

    @Inject
    SurveyPublisher publisher;
    @Inject
    SurveyCatalog catalog;
    @Inject
    DataSource db;
    @Inject
    nl.stem.StemStartup startup;

    private static SurveySource source(String id, String question) {
        String yaml = """
                id: %s
                title: Publishing test
                source_language: en
                languages: [en]
                questions:
                  - id: q1
                    type: text
                    text: "%s"
                """.formatted(id, question);
        return new SurveySource("surveys/" + id + ".yaml", yaml, Map.of());
    }

    @Test
    void publish_whenSourcesUnchanged_keepsTheVersion_andWhenChanged_addsTheNext() {
        String id = "pub_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        SurveyPublisher.Publication first = publisher.publish(source(id, "How are you?"), "test");
        assertTrue(first.created());
        assertEquals(1, first.survey().version().version());

        SurveyPublisher.Publication again = publisher.publish(source(id, "How are you?"), "test");
        assertFalse(again.created());
        assertEquals(first.survey().versionId(), again.survey().versionId());

        SurveyPublisher.Publication changed = publisher.publish(source(id, "How are you today?"), "test");
        assertTrue(changed.created());
        assertEquals(2, changed.survey().version().version());
        assertNotEquals(first.survey().version().checksum(), changed.survey().version().checksum());
        assertEquals(changed.survey().versionId(), catalog.latest(id).orElseThrow().versionId());
        // The old version stays readable for respondents who started on it.
        assertEquals("How are you?", catalog.byVersionId(first.survey().versionId()).orElseThrow()
                .version().texts().pattern("en", "q1.text"));
    }

    @Test
    void publish_whenInvalid_isRefusedWithItsProblems() {
        SurveySource broken = new SurveySource("surveys/broken_one.yaml", """
                id: broken_one
                source_language: en
                languages: [en]
                questions:
                  - id: q1
                    type: single_choice
                    text: "Pick"
                """, Map.of());
        InvalidSurveyException e = assertThrows(InvalidSurveyException.class, () -> publisher.publish(broken, "test"));
        assertFalse(e.problems().isEmpty());
        assertTrue(catalog.latest("broken_one").isEmpty());
    }

    @Test
    void startUp_whenOneSurveyFileIsBroken_refusesItAndStillLoadsTheOthers() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("surveys");
        String good = "good_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String bad = "bad_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        java.nio.file.Files.writeString(dir.resolve(good + ".yaml"), source(good, "Fine?").yaml());
        java.nio.file.Files.writeString(dir.resolve(bad + ".yaml"), "id: " + bad + "\nquestions: [ this is not : valid");
        int refused = startup.publishDirectory(dir, dir.resolve("no-translations"));
        assertEquals(1, refused);
        assertTrue(catalog.latest(good).isPresent());
        assertTrue(catalog.latest(bad).isEmpty());
    }

    @Test
    void exampleSurveys_arePublishedAtStartUp() {
        assertTrue(catalog.latest("toegang_tot_werk").isPresent());
        assertTrue(catalog.latest("veiligheid_en_stabiliteit").isPresent());
        assertEquals(14, catalog.latest("toegang_tot_werk").orElseThrow().version().survey().languages().size());
    }

    @Test
    void surveyVersions_cannotBeUpdatedInTheDatabase() throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> st.executeUpdate("update survey_versions set published_by = 'x'"));
            assertTrue(e.getMessage().contains("immutable"), e.getMessage());
        }
    }
}
