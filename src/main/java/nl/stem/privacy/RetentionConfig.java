package nl.stem.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The retention schedule, prefix {@code stem.retention}; every key, its default and the reason for
 * it are in the README and docs/data-protection.md. Periods run from the end of what the data was
 * for: a session's end, the last contact, leaving the panel. Checked at start-up
 * ({@link RetentionSettings}): a negative period, or one shorter than a wave can run, stops Stem
 * with the key named.
 */
@ConfigMapping(prefix = "stem.retention")
public interface RetentionConfig {

    /** Run the daily schedule on this instance (several instances run it once a day between them). */
    @WithDefault("true")
    boolean enabled();

    /** When the daily run starts (a Quartz-style cron expression, in the server's time zone). */
    @WithDefault("0 30 3 * * ?")
    String cron();

    /** Media files (voice notes, videos, photos) are deleted this many months after their session ended. */
    @WithDefault("12")
    int mediaMonths();

    /** Channel identities (phone numbers, chat ids) of respondents without contact this many months are deleted. */
    @WithDefault("12")
    int identityMonths();

    /** Channel identities of members who left the panel (said stop) are deleted this many months later. */
    @WithDefault("1")
    int optedOutMonths();

    /** Free text and media references in a session's raw state are removed this many months after it ended. */
    @WithDefault("3")
    int sessionStateMonths();

    /** The text of messages Stem sent is removed from the outbox this many days after they went. */
    @WithDefault("30")
    int messageDays();

    /** Preview respondents (/try) are erased entirely this many days after their session started. */
    @WithDefault("30")
    int previewDays();

    /** Rows per transaction: a run deletes in batches, so no lock is held for long. */
    @WithDefault("500")
    int batchSize();
}
