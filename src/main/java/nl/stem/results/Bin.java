package nl.stem.results;

import java.math.BigDecimal;

/**
 * One bar of a number question's histogram: answers from {@code from} up to but not including
 * {@code to} (the last bar includes its upper end). Example: {@code new Bin(0, 5, 12)}.
 */
public record Bin(BigDecimal from, BigDecimal to, long count) {
}
