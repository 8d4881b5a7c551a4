package nl.stem.privacy;

import java.time.Instant;
import java.util.List;

/**
 * What the retention schedule deleted at {@code at}, or with {@code dryRun} would delete: per
 * category, the rule, the cut-off and how many rows. Never which respondents. Example:
 * <pre>{"at": "2026-03-01T03:30:00Z", "dryRun": true, "categories": [
 *   {"name": "media", "rule": "media files 12 months after their session ended", "before": "2025-03-01T03:30:00Z", "count": 41}, ...]}</pre>
 */
public record RetentionReport(Instant at, boolean dryRun, List<Category> categories) {

    public record Category(String name, String rule, Instant before, long count) {
    }

    /** The count of one category; 0 when absent. */
    public long count(String name) {
        return categories.stream().filter(c -> c.name().equals(name)).mapToLong(Category::count).sum();
    }
}
