package nl.stem.panel.wave;

/** The small two-language survey the wave tests use, for tests in other packages. */
public final class WaveTestSurveys {
    private WaveTestSurveys() {
    }

    /** Publishes it under {@code id} (retired by {@code PublishedForTests.retireAll()}). */
    public static String publish(String id) {
        return WaveTest.publishSurvey(id);
    }
}
