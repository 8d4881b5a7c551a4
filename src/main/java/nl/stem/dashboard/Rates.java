package nl.stem.dashboard;

/**
 * Completion rates after AAPOR, as shares from 0 to 1; {@code null} where the denominator is 0.
 * Example: I=45, P=5, R=20, NC=20, UO=10 and 60 started with 8 break-offs give RR1 0.45, RR2 0.5,
 * COOP1 0.643 and a break-off rate of 0.133.
 *
 * @param rr1      I / (I+P+R+NC+UO)
 * @param rr2      (I+P) / (I+P+R+NC+UO)
 * @param coop1    I / (I+P+R)
 * @param breakOff break-offs / started
 */
public record Rates(Double rr1, Double rr2, Double coop1, Double breakOff) {

    static Rates of(CaseCounts c, long started) {
        long all = c.total();
        return new Rates(share(c.complete(), all), share(c.complete() + c.partial(), all),
                share(c.complete(), c.complete() + c.partial() + c.refusal()), share(c.breakOffs(), started));
    }

    /** {@code part / whole}, or null when {@code whole} is 0. */
    static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
