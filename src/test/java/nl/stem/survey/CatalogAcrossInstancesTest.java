package nl.stem.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import nl.stem.api.ApiTokensForTests;
import nl.stem.api.PublishedForTests;
import nl.stem.api.survey.SurveyResourceTest;
import nl.stem.config.StemConfig;

/**
 * Two instances on one database: this one publishes and retires through the API, and a second
 * catalogue (as another instance holds it, loaded before) learns of it from the database alone.
 */
@QuarkusTest
class CatalogAcrossInstancesTest {
    @Inject
    ObjectMapper json;
    @Inject
    StemConfig config;
    @Inject
    DataSource db;

    @AfterEach
    void retire() {
        PublishedForTests.retireAll();
    }

    private SurveyCatalog otherInstance() {
        SurveyCatalog other = new SurveyCatalog();
        other.json = json;
        other.config = config;
        other.db = db;
        other.refresh(); // as at its start-up
        return other;
    }

    @Test
    void aSurveyPublishedAndRetiredElsewhere_reachesTheOtherInstance() {
        SurveyCatalog other = otherInstance();
        String id = PublishedForTests.remember("across_" + UUID.randomUUID().toString().substring(0, 8));
        ApiTokensForTests.researcher().contentType(ContentType.JSON)
                .body(SurveyResourceTest.upload(id, SurveyResourceTest.yaml(id, ""), Map.of()))
                .post("/api/surveys").then().statusCode(201);

        assertFalse(other.current().stream().anyMatch(p -> p.surveyId().equals(id)), "not in its menu before it looks");
        assertEquals(id, QuarkusTransaction.requiringNew().call(() -> other.latest(id)).orElseThrow().surveyId(),
                "a link to it works at once: loaded on first use");
        other.refresh();
        assertTrue(other.current().stream().anyMatch(p -> p.surveyId().equals(id)), "in its menu after the refresh");

        ApiTokensForTests.researcher().post("/api/surveys/" + id + "/retire").then().statusCode(200);
        assertFalse(other.isRetired(id), "it has not looked yet");
        other.refresh();
        assertTrue(other.isRetired(id), "retired elsewhere: retired here after the refresh");
        assertFalse(other.current().stream().anyMatch(p -> p.surveyId().equals(id)), "and gone from its menu");
    }
}
