package nl.stem.results;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the database counted for one question in one group, before labels, shares and suppression.
 * Filled by {@link ResultsQuery} from counts the database made.
 */
final class Tally {
    long answered;
    long skipped;
    long notApplicable;
    long media;
    /** Missing rows, by reason: filled from the sessions without an answer row. */
    long notAsked;
    long stopped;
    long inProgress;
    /** Choice id to responses that chose it. */
    final Map<String, Long> choices = new HashMap<>();
    /** Scale point or number answered to responses: the distribution every statistic comes from. */
    final TreeMap<BigDecimal, Long> points = new TreeMap<>();

    Missing missing() {
        return new Missing(skipped, notApplicable, notAsked, stopped, inProgress);
    }

    void add(Tally o) {
        answered += o.answered;
        skipped += o.skipped;
        notApplicable += o.notApplicable;
        media += o.media;
        notAsked += o.notAsked;
        stopped += o.stopped;
        inProgress += o.inProgress;
        o.choices.forEach((k, v) -> choices.merge(k, v, Long::sum));
        o.points.forEach((k, v) -> points.merge(k, v, Long::sum));
    }
}
