package nl.stem.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * Every figure of one wave, computed in SQL with each member counted once; the body of
 * {@code GET /dashboard/waves/{id}/stats.json}. Example (shortened):
 * <pre>{"wave":{"id":7,"name":"Voorjaar"}, "funnel":{"invited":100,"delivered":90,"started":60,"completed":45},
 *  "cases":{"complete":45,"partial":5,"refusal":20,"nonContact":20,"unknown":10,"breakOffs":8},
 *  "rates":{"rr1":0.45,"rr2":0.5,"coop1":0.64,"breakOff":0.13}, "medianCompletionSeconds":412.0, ...}</pre>
 *
 * @param medianCompletionSeconds median of completed_at - started_at over completed sessions, or null
 * @param byAttribute             the breakdown by the chosen member attribute, or null when none was chosen
 * @param answers                 answers stored in the wave
 * @param mediaAnswers            of them, with an audio, video or image file
 * @param attributes              the attribute names of the wave's members, to break the figures down by
 * @param computedAt              the moment the figures are of (they may be reused for a few seconds)
 */
public record WaveStats(WaveInfo wave, Thresholds thresholds, Funnel funnel, CaseCounts cases, Rates rates,
                        Double medianCompletionSeconds, List<DropOff> dropOff, Breakdown byLanguage,
                        Breakdown byChannel, Breakdown byAttribute, List<DomainCount> domains, long answers,
                        long mediaAnswers, List<String> attributes, Instant computedAt) {
    public WaveStats {
        dropOff = List.copyOf(dropOff);
        attributes = List.copyOf(attributes);
        domains = List.copyOf(domains);
    }
}
