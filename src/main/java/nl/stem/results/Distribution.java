package nl.stem.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import nl.stem.survey.model.NumberQuestion;

/**
 * Statistics of a distribution of answers (value to count), as a spreadsheet computes them from the
 * same answers: mean, percentiles by linear interpolation between the closest ranks (PERCENTILE.INC,
 * so the median of 1, 2, 3, 4 is 2.5), and a histogram. Exact, because the database counted every value.
 */
final class Distribution {
    private static final int BINS = 10;

    private Distribution() {
    }

    static double mean(NavigableMap<BigDecimal, Long> points) {
        double sum = 0;
        long n = 0;
        for (Map.Entry<BigDecimal, Long> e : points.entrySet()) {
            sum += e.getKey().doubleValue() * e.getValue();
            n += e.getValue();
        }
        return n == 0 ? 0 : sum / n;
    }

    /** The {@code p} percentile (0 to 1); null for no answers. */
    static Double percentile(NavigableMap<BigDecimal, Long> points, double p) {
        long n = points.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return null;
        }
        double rank = p * (n - 1);
        long lo = (long) Math.floor(rank);
        long hi = (long) Math.ceil(rank);
        double low = valueAt(points, lo);
        double high = valueAt(points, hi);
        return low + (rank - lo) * (high - low);
    }

    private static double valueAt(NavigableMap<BigDecimal, Long> points, long index) {
        long seen = 0;
        for (Map.Entry<BigDecimal, Long> e : points.entrySet()) {
            seen += e.getValue();
            if (index < seen) {
                return e.getKey().doubleValue();
            }
        }
        return points.lastKey().doubleValue();
    }

    /**
     * Ten bars over the range of the answers (widened to the question's own min and max when set);
     * an integer range of fewer than 20 values gets one bar per value. Each bar holds answers from
     * its lower end up to but not including its upper end; the last one includes its upper end.
     */
    static List<Bin> histogram(NavigableMap<BigDecimal, Long> points, NumberQuestion q) {
        if (points.isEmpty()) {
            return List.of();
        }
        BigDecimal lo = q.min() != null ? q.min().min(points.firstKey()) : points.firstKey();
        BigDecimal hi = q.max() != null ? q.max().max(points.lastKey()) : points.lastKey();
        boolean integers = !q.decimal() && hi.subtract(lo).compareTo(BigDecimal.valueOf(20)) < 0;
        int bins = integers ? hi.subtract(lo).intValue() + 1 : hi.compareTo(lo) == 0 ? 1 : BINS;
        BigDecimal width = integers || hi.compareTo(lo) == 0 ? BigDecimal.ONE
                : hi.subtract(lo).divide(BigDecimal.valueOf(BINS), 6, RoundingMode.CEILING);
        long[] counts = new long[bins];
        for (Map.Entry<BigDecimal, Long> e : points.entrySet()) {
            int i = e.getKey().subtract(lo).divide(width, 0, RoundingMode.FLOOR).intValue();
            counts[Math.max(0, Math.min(bins - 1, i))] += e.getValue();
        }
        List<Bin> out = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            BigDecimal from = lo.add(width.multiply(BigDecimal.valueOf(i))).stripTrailingZeros();
            out.add(new Bin(from, from.add(width).stripTrailingZeros(), counts[i]));
        }
        return out;
    }
}
