package nl.stem.dashboard;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The coordinator dashboard's configuration, prefix {@code stem.dashboard}; every key is listed in
 * the README. Example: {@code STEM_DASHBOARD_COMPLETE_THRESHOLD=0.9} counts a member as complete (I)
 * only with 90% of their applicable questions answered.
 */
@ConfigMapping(prefix = "stem.dashboard")
public interface DashboardConfig {

    /** A session with at least this share of its applicable questions answered is a partial (P); below it, a break-off (R). */
    @WithDefault("0.5")
    BigDecimal partialThreshold();

    /** A session with at least this share of its applicable questions answered is a complete (I). */
    @WithDefault("0.8")
    BigDecimal completeThreshold();

    /** How long a dashboard login lasts without use; each use within the second half renews it. */
    @WithDefault("12h")
    Duration sessionTtl();

    /** How often an open wave page fetches fresh figures (at most 30 s). */
    @WithDefault("15s")
    Duration refreshInterval();

    /** The time zone dates and times are shown in. */
    @WithDefault("Europe/Amsterdam")
    ZoneId timeZone();

    /** Most groups shown in the member-attribute breakdown; smaller groups beyond it are summed as "other". */
    @WithDefault("30")
    int maxAttributeGroups();
}
