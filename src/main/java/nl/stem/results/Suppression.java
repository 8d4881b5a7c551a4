package nl.stem.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Small-cell suppression for a small and vulnerable panel, in one place so no page, JSON answer or
 * CSV table can forget it.
 *
 * <ol>
 *   <li>Primary: a group of at least one but fewer than {@code k} responses is hidden.</li>
 *   <li>Complementary: the question's total is shown, so a single hidden group could be worked out
 *       as the total minus the others, and two hidden groups of 1 and 2 would together still be
 *       fewer than k. While the hidden groups are one, or together fewer than k responses, the
 *       smallest shown group is hidden too.</li>
 * </ol>
 * Example with k = 5: groups of 40, 12, 3 hide the 3 and then the 12 (else 55 − 40 − 12 = 3).
 */
final class Suppression {
    private Suppression() {
    }

    /** Whether a total of {@code n} responses is too small to show at all. */
    static boolean tooSmall(long n, int k) {
        return n > 0 && n < k;
    }

    /**
     * Decides which of the groups with these sizes are hidden.
     *
     * @return one flag per size, in the same order
     */
    static boolean[] hide(List<Long> sizes, int k) {
        boolean[] hidden = new boolean[sizes.size()];
        long hiddenSum = 0;
        int hiddenCount = 0;
        for (int i = 0; i < sizes.size(); i++) {
            if (tooSmall(sizes.get(i), k)) {
                hidden[i] = true;
                hiddenSum += sizes.get(i);
                hiddenCount++;
            }
        }
        if (hiddenCount == 0) {
            return hidden;
        }
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            if (!hidden[i] && sizes.get(i) > 0) {
                shown.add(i);
            }
        }
        shown.sort(Comparator.comparingLong(sizes::get));
        int next = 0;
        while ((hiddenCount == 1 || hiddenSum < k) && next < shown.size()) {
            int i = shown.get(next++);
            hidden[i] = true;
            hiddenSum += sizes.get(i);
            hiddenCount++;
        }
        return hidden;
    }
}
