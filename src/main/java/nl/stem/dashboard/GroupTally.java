package nl.stem.dashboard;

/**
 * The member figures of one group of the members query (the whole wave, one language, one channel,
 * one attribute value, or one question where members stand). Example: for {@code key = "whatsapp"},
 * 40 invited of whom 30 delivered.
 */
record GroupTally(String key, long invited, long delivered, long started, long completed, long complete,
                  long partial, long refusal, long nonContact, long unknown, long breakOffs, long inProgress,
                  Double medianSeconds) {

    Funnel funnel() {
        return new Funnel(invited, delivered, started, completed);
    }

    CaseCounts cases() {
        return new CaseCounts(complete, partial, refusal, nonContact, unknown, breakOffs);
    }

    BreakdownRow breakdownRow() {
        return new BreakdownRow(key, invited, started, completed, complete, Rates.share(complete, invited));
    }
}
