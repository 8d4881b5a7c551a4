package nl.stem.dashboard;

/**
 * A wave as the dashboard's list shows it. Example: {@code new WaveOverview(info, 100, 45, 44, 0.44)}.
 *
 * @param invited   members
 * @param completed members whose session reached the end of the survey
 * @param complete  I cases (at least the complete threshold of applicable questions answered)
 * @param rr1       complete / invited, or null when none were invited
 */
public record WaveOverview(WaveInfo wave, long invited, long completed, long complete, Double rr1) {
}
