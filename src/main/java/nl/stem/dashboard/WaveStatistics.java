package nl.stem.dashboard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.survey.IoiDomain;
import nl.stem.survey.IoiTaxonomy;
import nl.stem.survey.PublishedSurvey;
import nl.stem.survey.SurveyCatalog;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.Survey;

/**
 * Computes a wave's figures. All statements of one call read one snapshot (a read-only repeatable-read
 * transaction), so the funnel, the rates and the tables always add up. Example:
 * {@code statistics.of(7, "region", "nl")} for the wave page with a breakdown by region, in Dutch.
 */
@ApplicationScoped
public class WaveStatistics {
    /** Attribute names as members are enrolled with them. */
    static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final int LABEL_LENGTH = 90;

    @Inject
    DataSource db;
    @Inject
    DashboardConfig config;
    @Inject
    SurveyCatalog catalog;
    @Inject
    Clock clock;

    private ExecutorService refresher;
    private FreshFigures<Key, Figures> fresh;

    /**
     * The figures of wave {@code waveId}, with a breakdown by member attribute {@code by} (or none when
     * null), labels in {@code language}. Figures computed within {@code stem.dashboard.figures-max-age}
     * are reused; see {@link FreshFigures} for how older ones are refreshed. {@link WaveStats#computedAt()}
     * says of which moment they are.
     *
     * @throws StemException 404 when there is no such wave, 400 when {@code by} is not an attribute of its members
     */
    public WaveStats of(long waveId, String by, String language) {
        Thresholds thresholds = Thresholds.of(config);
        FreshFigures.Dated<Figures> figures = fresh.get(new Key(waveId, by), () -> compute(waveId, by, thresholds));
        return assemble(figures.value(), thresholds, by, language, figures.at());
    }

    /** As {@link #of(long, String, String)} with other thresholds than the configured ones, always computed afresh. */
    WaveStats of(long waveId, String by, String language, Thresholds thresholds) {
        Instant at = clock.instant();
        return assemble(compute(waveId, by, thresholds), thresholds, by, language, at);
    }

    /** Reads a wave's figures from the database, all in one snapshot. */
    Figures compute(long waveId, String by, Thresholds thresholds) {
        return Snapshot.read(db, c -> {
            WaveRow wave = WaveRow.find(c, waveId)
                    .orElseThrow(() -> new StemException(ErrorCode.WAVE_NOT_FOUND, "No wave with id " + waveId));
            if (by != null) {
                requireAttribute(c, waveId, by);
            }
            return new Figures(wave, MemberTally.count(c, waveId, thresholds, by), AnswerTally.count(c, waveId),
                    attributes(c, waveId));
        });
    }

    /** Forgets the figures kept for reuse (for benchmarks that time a first view). */
    void forgetFigures() {
        fresh.clear();
    }

    /** What the database says about a wave, before labels and rates: what {@link FreshFigures} keeps. */
    record Figures(WaveRow wave, List<MemberTally.Grouped> tallies, Map<String, long[]> answers, List<String> attributes) {
    }

    private record Key(long waveId, String by) {
    }

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        refresher = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "dashboard-figures-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        fresh = new FreshFigures<>(clock, config.figuresMaxAge(), config.figuresMaxStale(), refresher);
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }

    /** The member attributes of a wave's members, by name, for the breakdown choice (at most 100). */
    private static List<String> attributes(Connection c, long waveId) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select distinct k.name
                from wave_members wm
                join respondents r on r.id = wm.respondent_id
                cross join lateral jsonb_object_keys(case when jsonb_typeof(r.attributes) = 'object'
                                                          then r.attributes else '{}' end) as k(name)
                where wm.wave_id = ?
                order by k.name
                limit 100
                """)) {
            ps.setLong(1, waveId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    /** The newest waves first, with invited, completed and RR1 each (at most {@code limit}). */
    public List<WaveOverview> overview(int limit, String language) {
        Thresholds thresholds = Thresholds.of(config);
        return Snapshot.read(db, c -> {
            List<WaveOverview> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select w.id, w.name, w.survey_version_id, w.status, w.invite_at, w.closed_at, w.feedback_sent_at,
                           m.invited, m.completed, m.complete
                    from (select * from waves order by created_at desc, id desc limit ?) w
                    cross join lateral (
                        select count(*) as invited,
                               count(s.completed_at) as completed,
                               count(*) filter (where s.status <> 'refused' and s.applicable > 0
                                                  and s.answered >= ?::numeric * s.applicable) as complete
                        from wave_members wm
                        left join sessions s on s.id = wm.session_id
                        where wm.wave_id = w.id) m
                    order by w.created_at desc, w.id desc
                    """)) {
                ps.setInt(1, limit);
                ps.setBigDecimal(2, thresholds.complete());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        WaveInfo info = info(WaveRow.of(rs), language);
                        long invited = rs.getLong("invited");
                        long complete = rs.getLong("complete");
                        out.add(new WaveOverview(info, invited, rs.getLong("completed"), complete, Rates.share(complete, invited)));
                    }
                }
            }
            return out;
        });
    }

    private static void requireAttribute(Connection c, long waveId, String by) throws SQLException {
        if (!ATTRIBUTE_NAME.matcher(by).matches()) {
            throw new StemException(ErrorCode.BAD_ATTRIBUTE, "\"by\" must be an attribute name (a-z, 0-9 and _, starting with a letter)");
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select exists (select 1 from wave_members wm join respondents r on r.id = wm.respondent_id
                               where wm.wave_id = ? and jsonb_exists(r.attributes, ?))
                """)) {
            ps.setLong(1, waveId);
            ps.setString(2, by);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new StemException(ErrorCode.UNKNOWN_ATTRIBUTE, "No member of this wave has the attribute \"" + by + "\"");
                }
            }
        }
    }

    private WaveStats assemble(Figures figures, Thresholds thresholds, String by, String language, Instant computedAt) {
        WaveRow wave = figures.wave();
        Map<String, long[]> answers = figures.answers();
        Optional<PublishedSurvey> published = catalog.byVersionId(wave.surveyVersionId());
        Survey survey = published.map(p -> p.version().survey()).orElse(null);
        GroupTally whole = null;
        List<BreakdownRow> languages = new ArrayList<>();
        List<BreakdownRow> channels = new ArrayList<>();
        List<BreakdownRow> attribute = new ArrayList<>();
        List<GroupTally> stops = new ArrayList<>();
        for (MemberTally.Grouped g : figures.tallies()) {
            switch (g.set()) {
                case MemberTally.WHOLE_WAVE -> whole = g.tally();
                case MemberTally.BY_LANGUAGE -> languages.add(g.tally().breakdownRow());
                case MemberTally.BY_CHANNEL -> channels.add(g.tally().breakdownRow());
                case MemberTally.BY_ATTRIBUTE -> attribute.add(g.tally().breakdownRow());
                case MemberTally.BY_STOP -> stops.add(g.tally());
                default -> throw new IllegalStateException("unexpected grouping set " + g.set());
            }
        }
        if (whole == null) {
            throw new IllegalStateException("the members query gave no total row");
        }
        long answerCount = answers.values().stream().mapToLong(a -> a[0]).sum();
        long mediaCount = answers.values().stream().mapToLong(a -> a[1]).sum();
        return new WaveStats(info(wave, language), thresholds, whole.funnel(), whole.cases(),
                Rates.of(whole.cases(), whole.started()), whole.medianSeconds(),
                dropOff(stops, published, language), breakdown("language", languages), breakdown("channel", channels),
                by == null ? null : breakdown(by, capped(attribute)), domains(answers, survey, language),
                answerCount, mediaCount, figures.attributes(), computedAt);
    }

    private WaveInfo info(WaveRow w, String language) {
        Optional<PublishedSurvey> p = catalog.byVersionId(w.surveyVersionId());
        String surveyId = p.map(PublishedSurvey::surveyId).orElse("?");
        String title = p.map(s -> Optional.ofNullable(s.version().texts().pattern(language, "survey.title"))
                .orElse(s.version().survey().title())).orElse(surveyId);
        int version = p.map(s -> s.version().version()).orElse(0);
        return new WaveInfo(w.id(), w.name(), surveyId, title, version, w.status(), w.inviteAt(), w.closedAt(), w.feedbackSentAt());
    }

    /** Largest group first (ties by key); members without a value last. */
    static final Comparator<BreakdownRow> LARGEST_FIRST = Comparator.comparing((BreakdownRow r) -> r.key().isEmpty())
            .thenComparing(Comparator.comparingLong(BreakdownRow::invited).reversed())
            .thenComparing(BreakdownRow::key);

    private static Breakdown breakdown(String by, List<BreakdownRow> rows) {
        List<BreakdownRow> sorted = new ArrayList<>(rows);
        sorted.sort(LARGEST_FIRST);
        return new Breakdown(by, sorted);
    }

    /** The largest groups, and the rest summed as one group with the key {@code "…"}. */
    private List<BreakdownRow> capped(List<BreakdownRow> rows) {
        int max = Math.max(1, config.maxAttributeGroups());
        if (rows.size() <= max) {
            return rows;
        }
        List<BreakdownRow> sorted = new ArrayList<>(rows);
        sorted.sort(LARGEST_FIRST);
        List<BreakdownRow> out = new ArrayList<>(sorted.subList(0, max - 1));
        long invited = 0;
        long started = 0;
        long completed = 0;
        long complete = 0;
        for (BreakdownRow r : sorted.subList(max - 1, sorted.size())) {
            invited += r.invited();
            started += r.started();
            completed += r.completed();
            complete += r.complete();
        }
        out.add(new BreakdownRow(OTHER_GROUPS, invited, started, completed, complete, Rates.share(complete, invited)));
        return out;
    }

    /** The key of the group that sums the smallest attribute values beyond {@code stem.dashboard.max-attribute-groups}. */
    public static final String OTHER_GROUPS = "…";

    /** Drop-offs in the survey's question order: before the first question, each question, then unknown ids. */
    private static List<DropOff> dropOff(List<GroupTally> stops, Optional<PublishedSurvey> published, String language) {
        Survey survey = published.map(p -> p.version().survey()).orElse(null);
        List<DropOff> out = new ArrayList<>();
        for (GroupTally t : stops) {
            String id = t.key().isEmpty() ? null : t.key();
            int position = id == null ? 0 : survey == null || survey.indexOf(id) < 0 ? -1 : survey.indexOf(id) + 1;
            String label = id == null ? null : published.map(p -> p.version().texts().pattern(language, id + ".text"))
                    .map(WaveStatistics::shorten).orElse(null);
            out.add(new DropOff(position, id, label, t.invited(), t.inProgress()));
        }
        out.sort(Comparator.comparingInt((DropOff d) -> d.position() < 0 ? Integer.MAX_VALUE : d.position())
                .thenComparing(d -> d.questionId() == null ? "" : d.questionId()));
        return out;
    }

    /** Answer counts per IoI domain, in the taxonomy's order; domains the taxonomy lacks come last. */
    private List<DomainCount> domains(Map<String, long[]> answers, Survey survey, String language) {
        Map<String, long[]> byDomain = new LinkedHashMap<>();
        if (survey != null) {
            for (Question q : survey.questions()) {
                long[] counts = answers.get(q.id());
                Set<String> domains = new LinkedHashSet<>();
                q.head().ioi().forEach(tag -> domains.add(tag.contains(".") ? tag.substring(0, tag.indexOf('.')) : tag));
                for (String d : domains) {
                    long[] sum = byDomain.computeIfAbsent(d, k -> new long[2]);
                    if (counts != null) {
                        sum[0] += counts[0];
                        sum[1] += counts[1];
                    }
                }
            }
        }
        IoiTaxonomy taxonomy = catalog.loader().taxonomy();
        List<String> order = taxonomy.domains().stream().map(IoiDomain::id).toList();
        List<DomainCount> out = new ArrayList<>();
        byDomain.forEach((d, c) -> out.add(new DomainCount(d, taxonomy.domain(d).map(x -> x.name(language)).orElse(d), c[0], c[1])));
        out.sort(Comparator.comparingInt(d -> order.indexOf(d.domain()) < 0 ? Integer.MAX_VALUE : order.indexOf(d.domain())));
        return out;
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= LABEL_LENGTH ? oneLine : oneLine.substring(0, LABEL_LENGTH - 1).strip() + "…";
    }

    /** The columns of {@code waves} the dashboard shows. */
    record WaveRow(long id, String name, long surveyVersionId, String status, Instant inviteAt, Instant closedAt,
                   Instant feedbackSentAt) {
        static Optional<WaveRow> find(Connection c, long id) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "select id, name, survey_version_id, status, invite_at, closed_at, feedback_sent_at from waves where id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(of(rs)) : Optional.empty();
                }
            }
        }

        static WaveRow of(ResultSet rs) throws SQLException {
            Timestamp closed = rs.getTimestamp("closed_at");
            Timestamp feedback = rs.getTimestamp("feedback_sent_at");
            return new WaveRow(rs.getLong("id"), rs.getString("name"), rs.getLong("survey_version_id"), rs.getString("status"),
                    rs.getTimestamp("invite_at").toInstant(), closed == null ? null : closed.toInstant(),
                    feedback == null ? null : feedback.toInstant());
        }
    }
}
