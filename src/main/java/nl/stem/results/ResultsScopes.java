package nl.stem.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.api.export.ExportFilter;
import nl.stem.api.export.ExportFilters;

/**
 * Turns the results' query parameters into a {@link ResultsScope}, or a 400/404 saying what is
 * wrong. The survey, waves, dates, language and channel are read exactly as the exports read them
 * ({@link ExportFilters}); with waves, the questions are those of the versions the waves ran.
 * Example: {@code parse("toegang_tot_werk", List.of("3,4"), null, null, null, null, "region", "true")}.
 */
@ApplicationScoped
public class ResultsScopes {
    /** Most waves one comparison covers. */
    static final int MAX_WAVES = 20;

    @Inject
    ExportFilters filters;
    @Inject
    DataSource db;

    /**
     * @param waves  wave ids, each parameter one id or several comma-separated; null or empty for all sessions
     * @param by     {@code language}, {@code channel}, {@code wave} or a member attribute; null for no breakdown
     * @param paired {@code true} to compare only members who answered in every wave given
     * @throws StemException 400 for a malformed value or an attribute no member has, 404 for an unknown survey or wave
     */
    public ResultsScope parse(String survey, List<String> waves, String from, String to, String language, String channel,
                              String by, String paired) {
        String wave = waves == null || waves.isEmpty() ? null : String.join(",", waves);
        if (wave != null && wave.isBlank()) {
            wave = null;
        }
        ExportFilter f = filters.parse(survey, null, wave, from, to, language, channel, null);
        if (f.waves().size() > MAX_WAVES) {
            throw new StemException(ErrorCode.TOO_MANY_WAVES, "Give at most " + MAX_WAVES + " waves");
        }
        Set<Long> ids = new LinkedHashSet<>(f.waves());
        String breakdown = by == null || by.isBlank() ? null : by.strip();
        boolean pairedOnly = bool(paired);
        try (Connection c = db.getConnection()) {
            List<WaveRef> refs = waves(c, ids, f.surveyId());
            if (Breakdowns.WAVE.equals(breakdown) && refs.isEmpty()) {
                // Over time without waves named: every wave of the survey.
                refs = waves(c, surveyWaves(c, f.surveyId()), f.surveyId());
            }
            if (breakdown != null) {
                requireBreakdown(c, breakdown);
            }
            if (pairedOnly && refs.size() < 2) {
                throw new StemException(ErrorCode.PAIRED_NEEDS_WAVES, "paired=true compares members across waves: give two or more waves");
            }
            return new ResultsScope(f.surveyId(), f.versions(), refs, f.from(), f.to(), f.language(), f.channel(), breakdown, pairedOnly);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the waves", e);
        }
    }

    /** The scope of one wave's results, for the public page; 404 when the wave is gone. */
    public ResultsScope forWave(long waveId) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select v.survey_id from waves w join survey_versions v on v.id = w.survey_version_id"
                     + " where w.id = ?")) {
            ps.setLong(1, waveId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StemException(ErrorCode.NOT_FOUND, "Not found");
                }
                return parse(rs.getString(1), List.of(Long.toString(waveId)), null, null, null, null, null, null);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read wave " + waveId, e);
        }
    }

    private static List<WaveRef> waves(Connection c, Set<Long> ids, String surveyId) throws SQLException {
        List<WaveRef> refs = new ArrayList<>();
        if (ids.isEmpty()) {
            return refs;
        }
        Set<Long> found = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("select w.id, w.name, w.invite_at, w.status, v.survey_id from waves w "
                + "join survey_versions v on v.id = w.survey_version_id where w.id = any(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    found.add(id);
                    refs.add(new WaveRef(id, rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)));
                }
            }
        }
        for (Long id : ids) {
            if (!found.contains(id)) {
                throw new StemException(ErrorCode.WAVE_NOT_FOUND, "No wave with id " + id);
            }
        }
        refs.sort(Comparator.comparing(WaveRef::inviteAt).thenComparingLong(WaveRef::id));
        return refs;
    }

    private static Set<Long> surveyWaves(Connection c, String surveyId) throws SQLException {
        Set<Long> ids = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("select w.id from waves w join survey_versions v on v.id = w.survey_version_id"
                + " where v.survey_id = ? order by w.invite_at desc, w.id desc limit " + MAX_WAVES)) {
            ps.setString(1, surveyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void requireBreakdown(Connection c, String by) throws SQLException {
        if (Breakdowns.builtIn(by)) {
            return;
        }
        if (!Breakdowns.ATTRIBUTE.matcher(by).matches()) {
            throw new StemException(ErrorCode.BAD_BREAKDOWN, "by must be language, channel, wave or a member attribute such as region");
        }
        try (PreparedStatement ps = c.prepareStatement("select exists (select 1 from respondents where attributes ?? ?)")) {
            ps.setString(1, by);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new StemException(ErrorCode.UNKNOWN_ATTRIBUTE, "No member has an attribute '" + by + "'");
                }
            }
        }
    }

    private static boolean bool(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip()) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new StemException(ErrorCode.BAD_PAIRED, "paired must be true or false");
        };
    }
}
