package nl.stem.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Retention settings that make no sense are refused with the key named; the defaults pass. */
class RetentionSettingsTest {

    record Settings(int mediaMonths, int identityMonths, int optedOutMonths, int sessionStateMonths, int messageDays,
                    int previewDays) implements RetentionConfig {
        static Settings defaults() {
            return new Settings(12, 12, 1, 3, 30, 30);
        }

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public String cron() {
            return "0 30 3 * * ?";
        }

        @Override
        public int batchSize() {
            return 500;
        }
    }

    @Test
    void defaults_whenChecked_haveNoProblem() {
        assertEquals(List.of(), RetentionSettings.problems(Settings.defaults()));
        assertEquals(List.of(), RetentionSettings.problems(new Settings(3, 3, 0, 3, 1, 1)), "the shortest periods allowed");
    }

    @Test
    void negativeOrShorterThanAWave_isRefusedNamingTheKey() {
        assertEquals(List.of("stem.retention.media-months is -1: it cannot be negative; at least 3 months (a wave runs up to 3 months)"),
                RetentionSettings.problems(new Settings(-1, 12, 1, 3, 30, 30)));
        assertEquals(List.of("stem.retention.identity-months is 2: at least 3 months (a wave runs up to 3 months)",
                        "stem.retention.opted-out-months is -2: it cannot be negative; at least 0 months",
                        "stem.retention.preview-days is 0: at least 1 days"),
                RetentionSettings.problems(new Settings(12, 2, -2, 3, 30, 0)));
        assertEquals(List.of("stem.retention.session-state-months is 1: at least 3 months (a wave runs up to 3 months)",
                        "stem.retention.message-days is -5: it cannot be negative; at least 1 days"),
                RetentionSettings.problems(new Settings(12, 12, 1, 1, -5, 30)));
        assertEquals(List.of("stem.retention.media-months is 5000: at most 1200 months"),
                RetentionSettings.problems(new Settings(5000, 12, 1, 3, 30, 30)));
    }
}
