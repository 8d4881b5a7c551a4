package nl.stem.dashboard;

/**
 * AAPOR case codes of a wave, each member counted once. Example: {@code new CaseCounts(45, 5, 20, 20, 10, 8)}
 * for 100 members, 8 of the 20 R being break-offs.
 *
 * @param complete   I: answered at least the complete threshold of their applicable questions
 * @param partial    P: between the partial and the complete threshold
 * @param refusal    R: refused consent, broke off under the partial threshold, or opted out after the invitation
 * @param nonContact NC: the invitation reached them, no session
 * @param unknown    UO: not known to have been reached (failed, undelivered, unreachable, not sent yet, link not opened)
 * @param breakOffs  of R, those who started and did not refuse consent
 */
public record CaseCounts(long complete, long partial, long refusal, long nonContact, long unknown, long breakOffs) {

    /** All cases: the denominator of RR1 and RR2 (O and UH are 0 here). */
    public long total() {
        return complete + partial + refusal + nonContact + unknown;
    }
}
