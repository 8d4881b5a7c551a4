package nl.stem.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Surveys a test published. They are retired after each test, so that they do not appear on the
 * preview's start page (/try) that other tests in the same Quarkus boot look at.
 */
public final class PublishedForTests {
    private static final List<String> IDS = new ArrayList<>();

    private PublishedForTests() {
    }

    public static synchronized String remember(String surveyId) {
        IDS.add(surveyId);
        return surveyId;
    }

    /** Retires every remembered survey that was published (call from {@code @AfterEach}). */
    public static synchronized void retireAll() {
        for (String id : IDS) {
            int status = ApiTokensForTests.researcher().post("/api/surveys/" + id + "/retire").statusCode();
            if (status != 200 && status != 404) { // 404: the test's upload was refused, nothing was published
                throw new AssertionError("retiring test survey " + id + " gave " + status);
            }
        }
        IDS.clear();
    }
}
