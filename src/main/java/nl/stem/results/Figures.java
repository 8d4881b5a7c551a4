package nl.stem.results;

import java.util.Map;

/**
 * The figures of one question for one group of responses (or all of them).
 *
 * @param n       responses that answered (the denominator of every share)
 * @param counts  option key to number of responses that chose it (multiple choice: each option
 *                counted once per response that chose it, so shares may add up to more than 1)
 * @param shares  option key to count / n, from 0 to 1; empty when n is 0
 * @param mean    scale and number questions, else null
 * @param median  scale and number questions, else null
 * @param q1      number questions: first quartile (as a spreadsheet's QUARTILE.INC), else null
 * @param q3      number questions: third quartile, else null
 * @param min     number questions: smallest answer, else null
 * @param max     number questions: largest answer, else null
 * @param media   of the n answers, how many were voice notes, videos or pictures
 * @param missing responses without an answer, by reason
 */
public record Figures(long n, Map<String, Long> counts, Map<String, Double> shares, Double mean, Double median, Double q1,
                      Double q3, Double min, Double max, long media, Missing missing) {
    public Figures {
        counts = Map.copyOf(counts);
        shares = Map.copyOf(shares);
    }

    /** The share of option {@code key}, 0 when none answered. */
    public double share(String key) {
        return shares.getOrDefault(key, 0.0);
    }

    /** The count of option {@code key}. */
    public long count(String key) {
        return counts.getOrDefault(key, 0L);
    }

    /** Responses the question was put to and that kept an answer row: answered, skipped or "not applicable". */
    public long asked() {
        return n + (missing == null ? 0 : missing.skipped() + missing.notApplicable());
    }
}
