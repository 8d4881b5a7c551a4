package nl.stem.results;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import nl.stem.survey.IoiDomain;
import nl.stem.survey.IoiIndicator;
import nl.stem.survey.IoiTaxonomy;
import nl.stem.survey.model.NumberQuestion;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.ScaleQuestion;
import nl.stem.survey.model.Survey;

/**
 * Turns the database's counts into {@link SurveyResults}: labels in the viewer's language, shares,
 * means and medians, the breakdown's order, and suppression (applied here, before anything leaves
 * the results package).
 */
final class ResultsAssembler {
    private final ResultsScope scope;
    private final Wording wording;
    private final int k;
    private final Function<String, String> groupLabel;

    /**
     * @param groupLabel names a group key (a language's name, a wave's name); the key itself when it has no better name
     */
    ResultsAssembler(ResultsScope scope, Wording wording, int minCellSize, Function<String, String> groupLabel) {
        this.scope = scope;
        this.wording = wording;
        this.k = minCellSize;
        this.groupLabel = groupLabel;
    }

    SurveyResults assemble(ResultsQuery.Raw raw, IoiTaxonomy taxonomy, String viewerLanguage, Instant at, String noValue,
                           String other) {
        Survey survey = scope.newest().version().survey();
        List<String> order = groupOrder(raw.groupSizes());
        List<QuestionResult> questions = new ArrayList<>();
        for (Question q : survey.questions()) {
            if (!q.answerable()) {
                continue;
            }
            questions.add(question(q, raw, order, noValue, other));
        }
        long responses = raw.groupSizes().values().stream().mapToLong(Long::longValue).sum();
        return new SurveyResults(survey.id(), wording.title(), wording.language(), survey.languages(), scope.describe(),
                scope.waves(), scope.by(), k, responses, questions, domains(survey, questions, taxonomy, viewerLanguage), at);
    }

    /** Largest group first; "no value" and "other" last. */
    private List<String> groupOrder(Map<String, Long> sizes) {
        List<String> keys = new ArrayList<>(sizes.keySet());
        Comparator<String> bySize = Comparator.comparingLong((String g) -> -sizes.get(g));
        if (Breakdowns.WAVE.equals(scope.by())) {
            // Over time: the waves in the order they were sent.
            List<String> waveOrder = scope.waves().stream().map(w -> Long.toString(w.id())).toList();
            bySize = Comparator.comparingInt((String g) -> waveOrder.indexOf(g) < 0 ? Integer.MAX_VALUE : waveOrder.indexOf(g))
                    .thenComparing(Comparator.naturalOrder());
        }
        keys.sort(Comparator.comparingInt((String g) -> g.equals(ResultsQuery.OTHER) ? 2 : g.isEmpty() ? 1 : 0)
                .thenComparing(bySize).thenComparing(Comparator.naturalOrder()));
        return keys;
    }

    private QuestionResult question(Question q, ResultsQuery.Raw raw, List<String> order, String noValue, String other) {
        Map<String, Tally> byGroup = raw.byQuestion().getOrDefault(q.id(), Map.of());
        Tally total = new Tally();
        byGroup.values().forEach(total::add);
        List<Option> options = wording.options(q);
        boolean suppressed = Suppression.tooSmall(total.answered, k);
        List<Group> groups = new ArrayList<>();
        if (scope.by() != null && !suppressed) {
            List<String> keys = order.stream().filter(byGroup::containsKey).toList();
            boolean[] hidden = Suppression.hide(keys.stream().map(g -> byGroup.get(g).answered).toList(), k);
            for (int i = 0; i < keys.size(); i++) {
                String g = keys.get(i);
                Group.Kind kind = g.equals(ResultsQuery.OTHER) ? Group.Kind.OTHER : g.isEmpty() ? Group.Kind.NONE : Group.Kind.VALUE;
                String label = switch (kind) {
                    case OTHER -> other;
                    case NONE -> noValue;
                    case VALUE -> groupLabel.apply(g);
                };
                String key = kind == Group.Kind.VALUE ? g : "";
                groups.add(new Group(key, kind, label, hidden[i], hidden[i] ? null : figures(q, byGroup.get(g), options)));
            }
        }
        List<Bin> histogram = suppressed || !(q instanceof NumberQuestion n) ? List.of() : Distribution.histogram(total.points, n);
        return new QuestionResult(q.id(), q.type(), wording.question(q), q.head().ioi(), options, suppressed,
                suppressed ? null : figures(q, total, options), histogram, groups);
    }

    private Figures figures(Question q, Tally t, List<Option> options) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Double> shares = new LinkedHashMap<>();
        if (q instanceof ScaleQuestion) {
            options.forEach(o -> counts.put(o.key(), t.points.getOrDefault(new BigDecimal(o.key()), 0L)));
        } else if (!options.isEmpty()) {
            options.forEach(o -> counts.put(o.key(), t.choices.getOrDefault(o.key(), 0L)));
        }
        if (t.answered > 0) {
            counts.forEach((key, c) -> shares.put(key, round((double) c / t.answered)));
        }
        boolean measured = (q instanceof ScaleQuestion || q instanceof NumberQuestion) && !t.points.isEmpty();
        Double mean = measured ? round(Distribution.mean(t.points)) : null;
        Double median = measured ? Distribution.percentile(t.points, 0.5) : null;
        boolean number = measured && q instanceof NumberQuestion;
        Missing missing = t.missing();
        return new Figures(t.answered, counts, shares, mean, median, number ? Distribution.percentile(t.points, 0.25) : null,
                number ? Distribution.percentile(t.points, 0.75) : null, number ? t.points.firstKey().doubleValue() : null,
                number ? t.points.lastKey().doubleValue() : null, t.media, missing);
    }

    private static double round(double v) {
        return Math.round(v * 1_000_000d) / 1_000_000d;
    }

    /** Questions under each IoI domain and indicator they are tagged with, in the taxonomy's order; untagged last. */
    private static List<DomainSection> domains(Survey survey, List<QuestionResult> questions, IoiTaxonomy taxonomy, String language) {
        Map<String, QuestionResult> byId = new LinkedHashMap<>();
        questions.forEach(q -> byId.put(q.id(), q));
        List<DomainSection> out = new ArrayList<>();
        for (IoiDomain d : taxonomy.domains()) {
            List<DomainSection.IndicatorSection> indicators = new ArrayList<>();
            List<String> all = new ArrayList<>();
            List<String> wide = tagged(byId, d.id());
            if (!wide.isEmpty()) {
                indicators.add(new DomainSection.IndicatorSection("", d.name(language), wide));
            }
            for (IoiIndicator i : d.indicators()) {
                List<String> qs = tagged(byId, d.id() + "." + i.id());
                if (!qs.isEmpty()) {
                    indicators.add(new DomainSection.IndicatorSection(i.id(), i.name(language), qs));
                }
            }
            byId.values().stream().filter(q -> q.ioi().stream().anyMatch(t -> t.equals(d.id()) || t.startsWith(d.id() + ".")))
                    .forEach(q -> all.add(q.id()));
            if (!all.isEmpty()) {
                out.add(new DomainSection(d.id(), d.name(language), indicators, all, largestN(byId, all)));
            }
        }
        List<String> untagged = byId.values().stream().filter(q -> q.ioi().isEmpty()).map(QuestionResult::id).toList();
        if (!untagged.isEmpty()) {
            out.add(new DomainSection("", "", List.of(new DomainSection.IndicatorSection("", "", untagged)), untagged,
                    largestN(byId, untagged)));
        }
        return out;
    }

    private static List<String> tagged(Map<String, QuestionResult> byId, String tag) {
        return byId.values().stream().filter(q -> q.ioi().contains(tag)).map(QuestionResult::id).toList();
    }

    private static long largestN(Map<String, QuestionResult> byId, List<String> ids) {
        return ids.stream().map(byId::get).filter(q -> !q.suppressed() && q.total() != null)
                .mapToLong(q -> q.total().n()).max().orElse(0);
    }
}
