package nl.stem.dashboard;

/**
 * One group of a breakdown. Example: {@code new BreakdownRow("ar", 40, 30, 20, 18, 0.45)} for the
 * members invited in Arabic.
 *
 * @param key       the group's value (a language tag, a channel, an attribute value); "" when not set
 * @param invited   members
 * @param started   with a session
 * @param completed reached the end of the survey
 * @param complete  I cases (complete by the threshold)
 * @param rr1       I / invited, or null when none were invited
 */
public record BreakdownRow(String key, long invited, long started, long completed, long complete, Double rr1) {
}
