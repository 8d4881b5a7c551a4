package nl.stem.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.stem.survey.model.ConsentQuestion;
import nl.stem.survey.model.NumberQuestion;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.Survey;

/**
 * The one place the results are counted: a handful of aggregate statements over {@code sessions}
 * and {@code answers}, run in one snapshot. No answer is read into memory; what comes back is one
 * row per question, group and value. The unit is the response (one session): a member who took
 * part in two waves counts once in each.
 *
 * <p>Missing answers are worked out per session from its status and the question it stopped at:
 * a completed session without an answer row was not asked (skip logic), as was a session that went
 * past the question; a stopped, refused or expired one stopped before it; an open one is not there yet.
 */
final class ResultsQuery {
    /** Stands for "the groups beyond the cap, summed"; PostgreSQL text can never hold it, so no value collides. */
    static final String OTHER = "\u0000";
    private static final Set<String> ENDED = Set.of("stopped", "refused", "expired", "failed");
    private static final int BINS = 10;
    /** The consent question's refusal, counted from the sessions that refused (a refusal keeps no answer row). */
    static final String CONSENT_NO = "no";

    /** The counts, before labels and suppression. */
    record Raw(Map<String, Long> groupSizes, Map<String, Map<String, Tally>> byQuestion, Map<String, Tally> numberTotals,
               Map<String, List<Bin>> histograms) {
    }

    private ResultsQuery() {
    }

    static Raw read(Connection c, ResultsScope scope, int maxGroups) throws SQLException {
        Survey survey = scope.newest().version().survey();
        Map<String, Map<SessionClass, Long>> sessions = sessions(c, scope);
        Map<String, Long> sizes = new LinkedHashMap<>();
        sessions.forEach((g, classes) -> sizes.put(g, classes.values().stream().mapToLong(Long::longValue).sum()));
        String[] top = top(sizes, maxGroups);
        Map<String, Long> groupSizes = new LinkedHashMap<>();
        sizes.forEach((g, n) -> groupSizes.merge(kept(g, top), n, Long::sum));

        Map<String, Map<String, Tally>> byQuestion = new LinkedHashMap<>();
        Map<String, Map<SessionClass, Map<String, Long>>> rowsPerClass = new HashMap<>();
        try (PreparedStatement ps = rows(scope, top).prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String q = rs.getString(1);
                String g = group(rs.getString(2));
                String kind = rs.getString(5);
                String point = rs.getString(6);
                long n = rs.getLong(7);
                Tally t = tally(byQuestion, q, g);
                switch (kind == null ? "" : kind) {
                    case "SKIPPED" -> t.skipped += n;
                    case "NOT_APPLICABLE" -> t.notApplicable += n;
                    default -> t.answered += n;
                }
                t.media += rs.getLong(8);
                if (point != null) {
                    t.points.merge(new BigDecimal(point), n, Long::sum);
                }
                rowsPerClass.computeIfAbsent(q, k -> new HashMap<>())
                        .computeIfAbsent(new SessionClass(rs.getString(3), rs.getString(4)), k -> new HashMap<>())
                        .merge(g, n, Long::sum);
            }
        }
        try (PreparedStatement ps = choices(scope, top).prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tally(byQuestion, rs.getString(1), group(rs.getString(2))).choices.merge(rs.getString(3), rs.getLong(4), Long::sum);
            }
        }
        if (!scope.paired()) {
            missing(survey, sessions, top, rowsPerClass, byQuestion);
        }
        List<NumberQuestion> numbers = survey.questions().stream().filter(NumberQuestion.class::isInstance)
                .map(NumberQuestion.class::cast).toList();
        Map<String, Tally> numberTotals = new HashMap<>();
        Map<String, List<Bin>> histograms = new HashMap<>();
        if (!numbers.isEmpty()) {
            numberStats(c, scope, top, numbers, byQuestion, numberTotals);
            histograms = histograms(c, scope, numbers, numberTotals);
        }
        return new Raw(groupSizes, byQuestion, numberTotals, histograms);
    }

    /** A session's status and the question it is at (null when completed or not started). */
    private record SessionClass(String status, String question) {
    }

    private static Map<String, Map<SessionClass, Long>> sessions(Connection c, ResultsScope scope) throws SQLException {
        Statement st = new Statement().sql("select ").append(groupExpression(scope.by(), null))
                .sql(", s.status, s.current_question, count(*) from sessions s");
        if (Breakdowns.needsRespondents(scope.by())) {
            st.sql(" join respondents r on r.id = s.respondent_id");
        }
        st.sql(" where ").append(sessionConditions(scope)).sql(" group by 1, 2, 3");
        Map<String, Map<SessionClass, Long>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = st.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .merge(new SessionClass(rs.getString(2), rs.getString(3)), rs.getLong(4), Long::sum);
            }
        }
        return out;
    }

    /** The largest groups to show apart (every group when they fit), or null for no cap. */
    private static String[] top(Map<String, Long> sizes, int maxGroups) {
        if (sizes.size() <= maxGroups) {
            return null;
        }
        return sizes.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(Math.max(1, maxGroups - 1)).map(Map.Entry::getKey).toArray(String[]::new);
    }

    private static String kept(String g, String[] top) {
        if (top == null) {
            return g;
        }
        for (String t : top) {
            if (t.equals(g)) {
                return g;
            }
        }
        return OTHER;
    }

    private static String group(String fromSql) {
        return fromSql == null ? OTHER : fromSql;
    }

    private static Tally tally(Map<String, Map<String, Tally>> byQuestion, String q, String g) {
        return byQuestion.computeIfAbsent(q, k -> new LinkedHashMap<>()).computeIfAbsent(g, k -> new Tally());
    }

    /** The group of a row: its value, or null (other) when it is not among {@code top}. */
    private static Statement groupExpression(String by, String[] top) {
        String e = Breakdowns.expression(by);
        Statement st = new Statement();
        if (top == null) {
            return bindAttribute(st, e, by);
        }
        st.sql("case when ");
        bindAttribute(st, e, by).sql(" = any(").param(top).sql(") then ");
        return bindAttribute(st, e, by).sql(" end");
    }

    private static Statement bindAttribute(Statement st, String expression, String by) {
        int mark = expression.indexOf('?');
        if (mark < 0) {
            return st.sql(expression);
        }
        return st.sql(expression.substring(0, mark)).param(by).sql(expression.substring(mark + 1));
    }

    static Statement sessionConditions(ResultsScope scope) {
        Statement st = new Statement().sql("s.survey_version_id = any(").param(scope.versionIds()).sql(") and not s.preview");
        if (!scope.waves().isEmpty()) {
            st.sql(" and s.wave_id = any(").param(scope.waveIds()).sql(")");
        }
        if (scope.from() != null) {
            st.sql(" and s.started_at >= ").param(scope.from());
        }
        if (scope.to() != null) {
            st.sql(" and s.started_at < ").param(scope.to());
        }
        if (scope.language() != null) {
            st.sql(" and s.language = ").param(scope.language());
        }
        if (scope.channel() != null) {
            st.sql(" and s.channel = ").param(scope.channel());
        }
        return st;
    }

    /** {@code from answers a join sessions s [join respondents r] <join>}: {@code join} may add a lateral or a table. */
    private static Statement answersFrom(ResultsScope scope, Statement join) {
        Statement st = new Statement().sql(" from answers a join sessions s on s.id = a.session_id");
        if (Breakdowns.needsRespondents(scope.by())) {
            st.sql(" join respondents r on r.id = s.respondent_id");
        }
        return join == null ? st : st.append(join);
    }

    /** {@code where ...}: the answers of the sessions in scope (and, for a panel comparison, of members in every wave). */
    private static Statement answersWhere(ResultsScope scope) {
        Statement st = new Statement().sql(" where ").append(sessionConditions(scope))
                .sql(" and a.survey_version_id = any(").param(scope.versionIds()).sql(") and not a.preview");
        if (!scope.waves().isEmpty()) {
            st.sql(" and a.wave_id = any(").param(scope.waveIds()).sql(")");
        }
        if (scope.paired()) {
            st.sql(" and a.value ->> 'kind' not in ('SKIPPED', 'NOT_APPLICABLE')"
                            + " and (a.respondent_id, a.question_id) in (select p.respondent_id, p.question_id from answers p"
                            + " where p.wave_id = any(").param(scope.waveIds())
                    .sql(") and not p.preview and p.value ->> 'kind' not in ('SKIPPED', 'NOT_APPLICABLE')"
                            + " group by 1, 2 having count(distinct p.wave_id) = ").param(scope.waves().size()).sql(")");
        }
        return st;
    }

    private static Statement rows(ResultsScope scope, String[] top) {
        return new Statement().sql("select a.question_id, ").append(groupExpression(scope.by(), top))
                .sql(", s.status, s.current_question, a.value ->> 'kind',"
                        + " case when a.value ->> 'kind' = 'SCALE' then a.value ->> 'number' end, count(*), count(a.media_id)")
                .append(answersFrom(scope, null)).append(answersWhere(scope)).sql(" group by 1, 2, 3, 4, 5, 6");
    }

    private static Statement choices(ResultsScope scope, String[] top) {
        Statement lateral = new Statement().sql(" cross join lateral jsonb_array_elements_text(case when jsonb_typeof(a.value -> 'choices')"
                + " = 'array' then a.value -> 'choices' else '[]'::jsonb end) as ch(id)");
        return new Statement().sql("select a.question_id, ").append(groupExpression(scope.by(), top)).sql(", ch.id, count(*)")
                .append(answersFrom(scope, lateral)).append(answersWhere(scope))
                .sql(" and a.value ->> 'kind' in ('CHOICE', 'CHOICES', 'CONSENT') group by 1, 2, 3");
    }

    /** Sessions without an answer row, by reason; a refused consent counts as the consent question's "no". */
    private static void missing(Survey survey, Map<String, Map<SessionClass, Long>> sessions, String[] top,
                                Map<String, Map<SessionClass, Map<String, Long>>> rowsPerClass,
                                Map<String, Map<String, Tally>> byQuestion) {
        Map<String, Map<SessionClass, Long>> kept = new LinkedHashMap<>();
        sessions.forEach((g, classes) -> classes.forEach((cls, n) ->
                kept.computeIfAbsent(kept(g, top), k -> new HashMap<>()).merge(cls, n, Long::sum)));
        for (Question q : survey.questions()) {
            if (!q.answerable()) {
                continue;
            }
            int position = survey.indexOf(q.id());
            Map<SessionClass, Map<String, Long>> rows = rowsPerClass.getOrDefault(q.id(), Map.of());
            kept.forEach((g, classes) -> classes.forEach((cls, count) -> {
                long without = count - rows.getOrDefault(cls, Map.of()).getOrDefault(g, 0L);
                if (without <= 0) {
                    return;
                }
                Tally t = tally(byQuestion, q.id(), g);
                int at = cls.question() == null ? -1 : survey.indexOf(cls.question());
                if (q instanceof ConsentQuestion && "refused".equals(cls.status())) {
                    t.answered += without;
                    t.choices.merge(CONSENT_NO, without, Long::sum);
                } else if ("completed".equals(cls.status()) || at > position) {
                    t.notAsked += without;
                } else if (ENDED.contains(cls.status())) {
                    t.stopped += without;
                } else {
                    t.inProgress += without;
                }
            }));
        }
    }

    private static void numberStats(Connection c, ResultsScope scope, String[] top, List<NumberQuestion> numbers,
                                    Map<String, Map<String, Tally>> byQuestion, Map<String, Tally> totals) throws SQLException {
        Statement st = new Statement().sql("select question_id, grp, grouping(grp), avg(x)::float8,"
                        + " percentile_cont(array[0.25, 0.5, 0.75]) within group (order by x), min(x)::float8, max(x)::float8"
                        + " from (select a.question_id, ").append(groupExpression(scope.by(), top))
                .sql(" as grp, (a.value ->> 'number')::numeric as x").append(answersFrom(scope, null)).append(answersWhere(scope))
                .sql(" and a.value ->> 'kind' = 'NUMBER' and a.question_id = any(")
                .param(numbers.stream().map(Question::id).toArray(String[]::new))
                .sql(")) n group by grouping sets ((question_id, grp), (question_id))");
        try (PreparedStatement ps = st.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String q = rs.getString(1);
                Tally t = rs.getInt(3) == 1 ? totals.computeIfAbsent(q, k -> new Tally()) : tally(byQuestion, q, group(rs.getString(2)));
                t.mean = rs.getDouble(4);
                Double[] p = (Double[]) rs.getArray(5).getArray();
                t.q1 = p[0];
                t.median = p[1];
                t.q3 = p[2];
                t.min = rs.getDouble(6);
                t.max = rs.getDouble(7);
            }
        }
    }

    /**
     * Ten bars over the range of the answers (or over the question's own min and max when both are
     * set); an integer range of at most 20 values gets one bar per value.
     */
    private static Map<String, List<Bin>> histograms(Connection c, ResultsScope scope, List<NumberQuestion> numbers,
                                                     Map<String, Tally> totals) throws SQLException {
        Map<String, BigDecimal[]> ranges = new LinkedHashMap<>();
        for (NumberQuestion q : numbers) {
            Tally t = totals.get(q.id());
            if (t == null || t.min == null) {
                continue;
            }
            BigDecimal lo = q.min() != null ? q.min().min(BigDecimal.valueOf(t.min)) : BigDecimal.valueOf(t.min);
            BigDecimal hi = q.max() != null ? q.max().max(BigDecimal.valueOf(t.max)) : BigDecimal.valueOf(t.max);
            boolean integers = !q.decimal() && hi.subtract(lo).compareTo(BigDecimal.valueOf(20)) < 0;
            BigDecimal width = integers ? BigDecimal.ONE
                    : hi.compareTo(lo) == 0 ? BigDecimal.ONE : hi.subtract(lo).divide(BigDecimal.valueOf(BINS), 6, RoundingMode.CEILING);
            int bins = integers ? hi.subtract(lo).intValue() + 1 : hi.compareTo(lo) == 0 ? 1 : BINS;
            ranges.put(q.id(), new BigDecimal[] {lo, width, BigDecimal.valueOf(bins)});
        }
        Map<String, List<Bin>> out = new HashMap<>();
        if (ranges.isEmpty()) {
            return out;
        }
        String[] ids = ranges.keySet().toArray(String[]::new);
        String[] los = ranges.values().stream().map(r -> r[0].toPlainString()).toArray(String[]::new);
        String[] widths = ranges.values().stream().map(r -> r[1].toPlainString()).toArray(String[]::new);
        String[] counts = ranges.values().stream().map(r -> r[2].toPlainString()).toArray(String[]::new);
        Statement ranged = new Statement().sql(" join unnest(").param(ids).sql("::text[], ").param(los).sql("::numeric[], ")
                .param(widths).sql("::numeric[], ").param(counts).sql("::int[]) as b(q, lo, w, bins) on b.q = a.question_id");
        Statement full = new Statement().sql("select h.q, h.bin, count(*) from (select b.q, least(floor(((a.value ->> 'number')::numeric"
                        + " - b.lo) / b.w)::int, b.bins - 1) as bin")
                .append(answersFrom(scope, ranged)).append(answersWhere(scope))
                .sql(" and a.value ->> 'kind' = 'NUMBER') h group by 1, 2");
        Map<String, long[]> bars = new HashMap<>();
        try (PreparedStatement ps = full.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                BigDecimal[] r = ranges.get(rs.getString(1));
                long[] b = bars.computeIfAbsent(rs.getString(1), k -> new long[r[2].intValue()]);
                int i = Math.max(0, Math.min(b.length - 1, rs.getInt(2)));
                b[i] += rs.getLong(3);
            }
        }
        ranges.forEach((q, r) -> {
            long[] b = bars.getOrDefault(q, new long[r[2].intValue()]);
            List<Bin> list = new ArrayList<>();
            for (int i = 0; i < b.length; i++) {
                BigDecimal from = r[0].add(r[1].multiply(BigDecimal.valueOf(i))).stripTrailingZeros();
                list.add(new Bin(from, from.add(r[1]).stripTrailingZeros(), b[i]));
            }
            out.put(q, list);
        });
        return out;
    }

}
