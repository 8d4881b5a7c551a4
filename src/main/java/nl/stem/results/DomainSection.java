package nl.stem.results;

import java.util.List;

/**
 * An IoI domain with the survey's questions under it. Example: "Work" with the indicator "Job
 * quality" holding {@code job}, and {@code status} tagged with the domain alone (indicator "").
 *
 * @param id         the taxonomy's domain id, or "" for questions without an IoI tag
 * @param name       in the viewer's language
 * @param indicators in the taxonomy's order; the domain-wide questions first, under indicator id ""
 * @param questions  ids of every question under the domain, in survey order
 * @param answered   responses answering at least its most answered question (the largest n)
 */
public record DomainSection(String id, String name, List<IndicatorSection> indicators, List<String> questions, long answered) {
    public DomainSection {
        indicators = List.copyOf(indicators);
        questions = List.copyOf(questions);
    }

    /** An indicator of a domain and its questions, in survey order. */
    public record IndicatorSection(String id, String name, List<String> questions) {
        public IndicatorSection {
            questions = List.copyOf(questions);
        }
    }
}
