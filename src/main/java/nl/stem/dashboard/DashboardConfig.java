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

    /**
     * A wave's figures computed within this time are reused (many coordinators polling one wave cost
     * one computation). 0 computes them on every request.
     */
    @WithDefault("5s")
    Duration figuresMaxAge();

    /**
     * Figures older than figures-max-age but within this are served at once while fresher ones are
     * computed in the background; older ones are never shown (the request waits for fresh ones).
     */
    @WithDefault("30s")
    Duration figuresMaxStale();

    /** The time zone dates and times are shown in. */
    @WithDefault("Europe/Amsterdam")
    ZoneId timeZone();

    /** Most groups shown in the member-attribute breakdown; smaller groups beyond it are summed as "other". */
    @WithDefault("30")
    int maxAttributeGroups();
}
