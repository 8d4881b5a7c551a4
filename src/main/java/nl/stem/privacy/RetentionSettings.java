package nl.stem.privacy;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Refuses a retention schedule that makes no sense, at start-up, before anything is deleted. A wave
 * may send reminders up to 90 days after its invitation ({@code reminderHours} at most 2160), so
 * media, identities and session state must be kept at least {@value #WAVE_MONTHS} months: a shorter
 * period would delete what a running wave still needs. Leaving the panel ends every wave for that
 * member, so {@code opted-out-months} may be 0 (at the next run).
 */
@ApplicationScoped
public class RetentionSettings {
    /** The longest a wave runs, rounded up to months. */
    static final int WAVE_MONTHS = 3;

    @Inject
    RetentionConfig config;

    void check(@Observes @Priority(5) StartupEvent e) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Retention settings refused: " + String.join("; ", problems));
        }
    }

    /** Every setting that makes no sense, each naming its key; empty when all are fine. */
    public static List<String> problems(RetentionConfig c) {
        List<String> out = new ArrayList<>();
        atLeast(out, "stem.retention.media-months", c.mediaMonths(), WAVE_MONTHS, "months (a wave runs up to 3 months)");
        atLeast(out, "stem.retention.identity-months", c.identityMonths(), WAVE_MONTHS, "months (a wave runs up to 3 months)");
        atLeast(out, "stem.retention.session-state-months", c.sessionStateMonths(), WAVE_MONTHS,
                "months (a wave runs up to 3 months)");
        atLeast(out, "stem.retention.opted-out-months", c.optedOutMonths(), 0, "months");
        atLeast(out, "stem.retention.message-days", c.messageDays(), 1, "days");
        atLeast(out, "stem.retention.preview-days", c.previewDays(), 1, "days");
        atLeast(out, "stem.retention.batch-size", c.batchSize(), 1, "rows");
        for (String[] k : new String[][] {{"media-months", "" + c.mediaMonths()}, {"identity-months", "" + c.identityMonths()},
                {"session-state-months", "" + c.sessionStateMonths()}, {"opted-out-months", "" + c.optedOutMonths()}}) {
            if (Integer.parseInt(k[1]) > 1200) {
                out.add("stem.retention." + k[0] + " is " + k[1] + ": at most 1200 months");
            }
        }
        return out;
    }

    private static void atLeast(List<String> out, String key, int value, int min, String unit) {
        if (value < min) {
            out.add(key + " is " + value + ": " + (value < 0 ? "it cannot be negative; " : "") + "at least " + min + " " + unit);
        }
    }
}
