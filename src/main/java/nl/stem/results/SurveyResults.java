package nl.stem.results;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the panel said in one scope, for every answerable question of the survey's newest version.
 *
 * @param survey      the survey's id
 * @param title       its title in {@code language}
 * @param language    the language of the question texts (the viewer's, when the survey has it)
 * @param languages   the survey's languages, source first
 * @param scope       the filters, as given
 * @param waves       the waves covered, oldest first
 * @param by          the breakdown, null for none
 * @param minCellSize the suppression threshold in force
 * @param responses   sessions in scope (the most any question can have)
 * @param questions   in survey order
 * @param domains     the same questions grouped by IoI domain and indicator, in the taxonomy's order
 * @param computedAt  when the figures were read
 */
public record SurveyResults(String survey, String title, String language, List<String> languages, Map<String, Object> scope,
                            List<WaveRef> waves, String by, int minCellSize, long responses, List<QuestionResult> questions,
                            List<DomainSection> domains, Instant computedAt) {
    public SurveyResults {
        languages = List.copyOf(languages);
        waves = List.copyOf(waves);
        questions = List.copyOf(questions);
        domains = List.copyOf(domains);
    }

    /** A question by id, null when there is none (for templates). */
    public QuestionResult get(String id) {
        return question(id).orElse(null);
    }

    /** The waves' names, comma-separated; "" for none. */
    public String waveNames() {
        return String.join(", ", waves.stream().map(WaveRef::name).toList());
    }

    /** A question by id. */
    public java.util.Optional<QuestionResult> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }
}
