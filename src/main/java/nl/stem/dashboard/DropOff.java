package nl.stem.dashboard;

/**
 * Members who started and did not complete, at the question where they are or stopped. Example:
 * {@code new DropOff(3, "harassed", "Ben je ... lastiggevallen?", 12, 4)}: 12 stand at the third
 * question, 4 of them may still answer.
 *
 * @param position   1-based position in the survey; 0 before the first question; -1 for a question
 *                   the survey version does not have
 * @param questionId the question, or null before the first question
 * @param label      the question's text in the page language, or null
 * @param members    members standing there
 * @param inProgress of them, sessions that are still open (new, choosing a language, active, paused)
 */
public record DropOff(int position, String questionId, String label, long members, long inProgress) {
}
