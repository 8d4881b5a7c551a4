package nl.stem.results;

/**
 * Why responses have no answer to a question, each kind counted apart and never in a percentage.
 * Example: {@code new Missing(3, 2, 5, 8, 1)}: 3 skipped an optional question, 2 answered "not
 * applicable", 5 were not asked (its condition was false), 8 stopped before reaching it, 1 is still
 * under way before it.
 *
 * @param skipped       skipped an optional question
 * @param notApplicable answered "not applicable" (a scale's n/a button)
 * @param notAsked      passed by skip logic: its condition was false
 * @param stopped       stopped, refused or expired before reaching it
 * @param inProgress    still under way and not there yet
 */
public record Missing(long skipped, long notApplicable, long notAsked, long stopped, long inProgress) {
    static final Missing NONE = new Missing(0, 0, 0, 0, 0);

    Missing plus(Missing o) {
        return new Missing(skipped + o.skipped, notApplicable + o.notApplicable, notAsked + o.notAsked, stopped + o.stopped,
                inProgress + o.inProgress);
    }
}
