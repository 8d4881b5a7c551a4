package nl.stem.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import nl.stem.survey.model.ConsentQuestion;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.Survey;

/**
 * The one place the results are counted. Two aggregate statements, in one snapshot, and no answer
 * read into memory: what comes back is one row per question, group and distinct answer value
 * (the answer's JSON without its free text), and one row per group, session status and question
 * reached.
 *
 * <ul>
 *   <li>A wave's results (no date, language or channel filter; no breakdown or by wave) read the
 *       summary table {@code wave_answer_values}, which triggers keep exact in the answers' own
 *       transactions: a few hundred rows whatever the wave's size.</li>
 *   <li>Everything else aggregates the answers in scope in one pass.</li>
 *   <li>Missing answers come from the sessions alone: a session stopped, refused or expired at or
 *       before a question stopped before it; one still open there is under way; one completed or
 *       past it, without an answer row, was not asked (skip logic).</li>
 * </ul>
 * The unit is the response (one session): a member who took part in two waves counts once in each.
 */
final class ResultsQuery {
    /** Stands for "the groups beyond the cap, summed"; PostgreSQL text can never hold it, so no value collides. */
    static final String OTHER = "\u0000";
    /** The consent question's refusal, counted from the sessions that refused (a refusal keeps no answer row). */
    static final String CONSENT_NO = "no";
    private static final Set<String> ENDED = Set.of("stopped", "refused", "expired", "failed");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The counts, before labels and suppression: per question, per group. */
    record Raw(Map<String, Long> groupSizes, Map<String, Map<String, Tally>> byQuestion) {
    }

    private ResultsQuery() {
    }

    static Raw read(Connection c, ResultsScope scope, int maxGroups) throws SQLException {
        try (var st = c.createStatement()) {
            // Room to aggregate a wave's answers in memory rather than sort them (V12 gives the planner the value counts).
            st.execute("set local work_mem = '64MB'");
            // A million answers cost just over the JIT threshold: compiling the plan took 80 ms of a 1.2 s
            // breakdown (EXPLAIN ANALYZE on ResultsBenchmarkTest's wave); without it the same statement ran
            // 2-10% faster in paired runs.
            st.execute("set local jit = off");
        }
        Survey survey = scope.newest().version().survey();
        Map<String, Map<SessionClass, Long>> sessions = sessions(c, scope);
        Map<String, Long> sizes = new LinkedHashMap<>();
        sessions.forEach((g, classes) -> sizes.put(g, classes.values().stream().mapToLong(Long::longValue).sum()));
        String[] top = top(sizes, maxGroups);
        Map<String, Long> groupSizes = new LinkedHashMap<>();
        sizes.forEach((g, n) -> groupSizes.merge(kept(g, top), n, Long::sum));

        Map<String, Map<String, Tally>> byQuestion = new LinkedHashMap<>();
        Statement values = summarised(scope) ? summary(scope) : answers(scope, top);
        try (PreparedStatement ps = values.prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                add(tally(byQuestion, rs.getString(1), group(rs.getString(2))), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getLong(6), rs.getLong(7));
            }
        }
        missing(survey, sessions, top, byQuestion);
        return new Raw(groupSizes, byQuestion);
    }

    /** Whether the summary table holds exactly this scope. */
    static boolean summarised(ResultsScope scope) {
        return !scope.waves().isEmpty() && scope.from() == null && scope.to() == null && scope.language() == null
                && scope.channel() == null && !scope.paired() && (scope.by() == null || Breakdowns.WAVE.equals(scope.by()));
    }

    /** One answer value's count into its tally: the kind decides where it goes. */
    private static void add(Tally t, String kind, String choices, String number, long n, long media) {
        switch (kind == null ? "" : kind) {
            case "SKIPPED" -> t.skipped += n;
            case "NOT_APPLICABLE" -> t.notApplicable += n;
            default -> {
                t.answered += n;
                t.media += media;
            }
        }
        switch (kind == null ? "" : kind) {
            case "CHOICE", "CHOICES", "CONSENT" -> {
                if (choices != null) {
                    try {
                        JSON.readTree(choices).forEach(ch -> t.choices.merge(ch.asText(), n, Long::sum));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("Answer choices that are not JSON", e);
                    }
                }
            }
            case "SCALE", "NUMBER" -> {
                if (number != null) {
                    t.points.merge(new java.math.BigDecimal(number).stripTrailingZeros(), n, Long::sum);
                }
            }
            default -> {
            }
        }
    }

    /** A session's status and the question it is at (null when completed or not started). */
    private record SessionClass(String status, String question) {
    }

    private static Map<String, Map<SessionClass, Long>> sessions(Connection c, ResultsScope scope) throws SQLException {
        Statement st = new Statement().sql("select ").append(sessionGroup(scope.by()))
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

    /** The largest groups to show apart, leaving room for "other"; null when every group fits. */
    static String[] top(Map<String, Long> sizes, int maxGroups) {
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

    /** A session's group: over {@code sessions s} and {@code respondents r}. */
    private static Statement sessionGroup(String by) {
        return expression(Breakdowns.expression(by), by);
    }

    /** An answer's group: the same groups, over {@code answers a} (its wave and respondent) and {@code sessions s}. */
    private static Statement answerGroup(String by, String[] top) {
        String e = Breakdowns.WAVE.equals(by) ? "coalesce(a.wave_id::text, '')" : Breakdowns.expression(by);
        if (top == null) {
            return expression(e, by);
        }
        return new Statement().sql("case when ").append(expression(e, by)).sql(" = any(").param(top).sql(") then ")
                .append(expression(e, by)).sql(" end");
    }

    /** Binds the attribute name where the expression reads one. */
    private static Statement expression(String expression, String by) {
        int mark = expression.indexOf('?');
        if (mark < 0) {
            return new Statement().sql(expression);
        }
        return new Statement().sql(expression.substring(0, mark)).param(by).sql(expression.substring(mark + 1));
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
        if (scope.paired()) {
            st.sql(" and s.respondent_id in (").append(pairedMembers(scope)).sql(")");
        }
        return st;
    }

    /**
     * The members who answered at least one question in every wave of the scope: a panel
     * comparison looks at the same people each time. Read from the sessions (a few per member), not
     * from the answers.
     */
    private static Statement pairedMembers(ResultsScope scope) {
        return new Statement().sql("select p.respondent_id from sessions p where p.wave_id = any(").param(scope.waveIds())
                .sql(") and not p.preview and p.answered > 0 group by 1 having count(distinct p.wave_id) = ").param(scope.waves().size());
    }

    /** Whether the answers' own columns cannot say which answers are in scope or in which group. */
    private static boolean needsSessions(ResultsScope scope) {
        return scope.from() != null || scope.to() != null || scope.language() != null || scope.channel() != null
                || Breakdowns.LANGUAGE.equals(scope.by()) || Breakdowns.CHANNEL.equals(scope.by());
    }

    /** The wave's summary rows, summed over buckets: question, group (the wave when by wave), kind, choices, number, answers, media. */
    private static Statement summary(ResultsScope scope) {
        String g = Breakdowns.WAVE.equals(scope.by()) ? "v.wave_id::text" : "''";
        return new Statement().sql("select v.question_id, " + g + ", v.value ->> 'kind', v.value ->> 'choices', v.value ->> 'number',"
                        + " sum(v.answers), sum(v.media) from wave_answer_values v where v.wave_id = any(").param(scope.waveIds())
                .sql(") group by 1, 2, 3, 4, 5 having sum(v.answers) > 0");
    }

    /**
     * The answers in scope, aggregated in one pass: question, group, kind, choices, number, answers, media. The
     * value expressions are exactly those of the extended statistics {@code answers_values} (V12), so the
     * planner knows how few groups there are and aggregates in memory instead of sorting every answer.
     */
    private static Statement answers(ResultsScope scope, String[] top) {
        Statement st = new Statement().sql("select a.question_id, ").append(answerGroup(scope.by(), top))
                .sql(", a.value ->> 'kind', a.value ->> 'choices', a.value ->> 'number', count(*), count(a.media_id) from answers a");
        if (needsSessions(scope)) {
            st.sql(" join sessions s on s.id = a.session_id");
        }
        if (Breakdowns.needsRespondents(scope.by())) {
            st.sql(" join respondents r on r.id = a.respondent_id");
        }
        st.sql(" where a.survey_version_id = any(").param(scope.versionIds()).sql(") and not a.preview");
        if (!scope.waves().isEmpty()) {
            st.sql(" and a.wave_id = any(").param(scope.waveIds()).sql(")");
        }
        if (needsSessions(scope)) {
            st.sql(" and ").append(sessionConditions(scope));
        }
        if (scope.paired()) {
            st.sql(" and a.respondent_id in (").append(pairedMembers(scope)).sql(")");
        }
        return st.sql(" group by 1, 2, 3, 4, 5");
    }

    /** Sessions without an answer row, by reason; a refused consent counts as the consent question's "no". */
    private static void missing(Survey survey, Map<String, Map<SessionClass, Long>> sessions, String[] top,
                                Map<String, Map<String, Tally>> byQuestion) {
        Map<String, Map<SessionClass, Long>> kept = new LinkedHashMap<>();
        sessions.forEach((g, classes) -> classes.forEach((cls, n) ->
                kept.computeIfAbsent(kept(g, top), k -> new HashMap<>()).merge(cls, n, Long::sum)));
        for (Question q : survey.questions()) {
            if (!q.answerable()) {
                continue;
            }
            int position = survey.indexOf(q.id());
            kept.forEach((g, classes) -> {
                Tally t = tally(byQuestion, q.id(), g);
                long rows = t.answered + t.skipped + t.notApplicable;
                long past = 0;
                for (Map.Entry<SessionClass, Long> e : classes.entrySet()) {
                    SessionClass cls = e.getKey();
                    long n = e.getValue();
                    int at = cls.question() == null ? -1 : survey.indexOf(cls.question());
                    boolean reached = "completed".equals(cls.status()) || at > position || (cls.question() != null && at < 0);
                    if (reached) {
                        past += n;
                    } else if (q instanceof ConsentQuestion && "refused".equals(cls.status())) {
                        t.answered += n;
                        t.choices.merge(CONSENT_NO, n, Long::sum);
                    } else if (ENDED.contains(cls.status())) {
                        t.stopped += n;
                    } else {
                        t.inProgress += n;
                    }
                }
                t.notAsked += Math.max(0, past - rows);
            });
        }
    }
}
