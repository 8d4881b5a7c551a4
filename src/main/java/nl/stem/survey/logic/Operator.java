package nl.stem.survey.logic;

import java.math.BigDecimal;

/** Comparison operators. Ordering applies to numbers only; strings are only (un)equal. */
public enum Operator {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /**
     * Whether {@code a op b} holds for two single values. Numbers compare numerically (2.0 == 2);
     * a number never equals a string, and NE is handled by the caller (see {@link Comparison}).
     */
    boolean holds(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            int c = x.compareTo(y);
            return switch (this) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
            };
        }
        if (a instanceof String x && b instanceof String y) {
            return switch (this) {
                case EQ -> x.equals(y);
                case NE -> !x.equals(y);
                default -> false;
            };
        }
        return false;
    }

    static boolean sameType(Object a, Object b) {
        return (a instanceof BigDecimal && b instanceof BigDecimal) || (a instanceof String && b instanceof String);
    }
}
