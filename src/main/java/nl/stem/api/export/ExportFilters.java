package nl.stem.api.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.survey.PublishedSurvey;
import nl.stem.survey.SurveyCatalog;
import nl.stem.survey.SurveyVersionRecord;

/**
 * Turns an export's query parameters into an {@link ExportFilter}, or a problem (400/404) saying what
 * is wrong. The exports, the media list and the results use it, so that the same parameters mean the
 * same answers everywhere.
 */
@ApplicationScoped
public class ExportFilters {
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern WAVE_ID = Pattern.compile("[1-9][0-9]{0,17}");
    /** Most waves one filter may name. */
    public static final int MAX_WAVES = 100;

    @Inject
    SurveyCatalog catalog;
    @Inject
    DataSource db;

    /**
     * The filter for these query parameters (each null when absent).
     *
     * @param survey  survey id, required; unknown: 404 {@code survey_not_found}
     * @param version a version number; malformed: 400 {@code bad_version}, not published: 400 {@code unknown_version}
     * @param wave    a wave id ({@code 3}) or several, comma-separated ({@code 3,4}); malformed or more than
     *                {@value #MAX_WAVES}: 400 {@code bad_wave}; no such wave: 404 {@code wave_not_found}; a wave of
     *                another survey: 400 {@code wave_not_in_survey}; a wave on another version than {@code version}:
     *                400 {@code wave_version_mismatch}. The filter's versions become the waves' versions.
     * @param from    ISO date ({@code 2026-11-01}: from the start of that day, UTC) or date-time with offset
     * @param to      ISO date (up to and including that day, UTC) or date-time with offset (exclusive)
     */
    @Transactional
    public ExportFilter parse(String survey, String version, String wave, String from, String to, String language,
                              String channel, String includePreview) {
        if (survey == null || survey.isBlank()) {
            throw new StemException(ErrorCode.SURVEY_REQUIRED, "Name the survey to export: ?survey=<id>");
        }
        List<Long> waveIds = waveIds(wave);
        List<SurveyVersionRecord> rows = SurveyVersionRecord.list("surveyId = ?1 order by version", survey);
        if (rows.isEmpty()) {
            throw new StemException(ErrorCode.SURVEY_NOT_FOUND, "No published survey with id '" + survey + "'");
        }
        Integer versionNumber = null;
        if (version != null) {
            try {
                versionNumber = Integer.valueOf(version.trim());
            } catch (NumberFormatException e) {
                throw new StemException(ErrorCode.BAD_VERSION, "version must be a version number such as 2, not '" + version + "'");
            }
            int n = versionNumber;
            rows = rows.stream().filter(r -> r.version == n).toList();
            if (rows.isEmpty()) {
                throw new StemException(ErrorCode.UNKNOWN_VERSION, "Survey '" + survey + "' has no version " + n);
            }
        }
        if (!waveIds.isEmpty()) {
            Set<Long> waveVersions = waveVersions(survey, waveIds, versionNumber);
            rows = rows.stream().filter(r -> waveVersions.contains(r.id)).toList();
        }
        List<PublishedSurvey> versions = new ArrayList<>();
        for (SurveyVersionRecord r : rows) {
            versions.add(catalog.byVersionId(r.id).orElseThrow());
        }
        versions.sort(Comparator.comparingInt(p -> p.version().version()));
        Instant start = from == null ? null : instant("from", from, false);
        Instant end = to == null ? null : instant("to", to, true);
        if (start != null && end != null && start.isAfter(end)) {
            throw new StemException(ErrorCode.BAD_RANGE, "from (" + from + ") is after to (" + to + ")");
        }
        return new ExportFilter(survey, versions, versionNumber, waveIds, start, end, word("language", language),
                word("channel", channel), bool(includePreview));
    }

    /** The wave ids of {@code wave=3} or {@code wave=3,4}, ascending, without repeats; empty when absent. */
    static List<Long> waveIds(String wave) {
        if (wave == null || wave.isBlank()) {
            return List.of();
        }
        TreeSet<Long> ids = new TreeSet<>();
        for (String part : wave.split(",", -1)) {
            String p = part.strip();
            if (!WAVE_ID.matcher(p).matches()) {
                throw new StemException(ErrorCode.BAD_WAVE, "wave must be a wave id such as 3, or several such as 3,4");
            }
            ids.add(Long.valueOf(p));
            if (ids.size() > MAX_WAVES) {
                throw new StemException(ErrorCode.BAD_WAVE, "wave names more than " + MAX_WAVES + " waves; at most " + MAX_WAVES + " at once");
            }
        }
        return List.copyOf(ids);
    }

    /**
     * The survey version ids the waves ran, after checking that each wave exists (404), belongs to
     * the survey (400) and, when a version was named, ran that version (400).
     */
    private Set<Long> waveVersions(String survey, List<Long> waveIds, Integer versionNumber) {
        Map<Long, Object[]> found = new HashMap<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select w.id, w.survey_version_id, v.survey_id, v.version from waves w "
                        + "join survey_versions v on v.id = w.survey_version_id where w.id = any (?)")) {
            ps.setArray(1, c.createArrayOf("bigint", waveIds.toArray(Long[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getLong(1), new Object[] {rs.getLong(2), rs.getString(3), rs.getInt(4)});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Wave look-up failed", e);
        }
        Set<Long> versionIds = new HashSet<>();
        for (Long id : waveIds) {
            Object[] w = found.get(id);
            if (w == null) {
                throw new StemException(ErrorCode.WAVE_NOT_FOUND, "No wave with id " + id);
            }
            if (!survey.equals(w[1])) {
                throw new StemException(ErrorCode.WAVE_NOT_IN_SURVEY, "Wave " + id + " is a wave of survey '" + w[1]
                        + "', not of '" + survey + "'");
            }
            if (versionNumber != null && versionNumber != (int) w[2]) {
                throw new StemException(ErrorCode.WAVE_VERSION_MISMATCH, "Wave " + id + " ran version " + w[2] + " of '" + survey
                        + "', not version " + versionNumber + "; leave version out or name that version");
            }
            versionIds.add((Long) w[0]);
        }
        return versionIds;
    }

    private static Instant instant(String name, String value, boolean endOfDay) {
        String v = value.trim();
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            throw new StemException(ErrorCode.BAD_DATE, name + " must be an ISO date (2026-11-01) or date-time (2026-11-01T09:00:00+01:00), not '" + value + "'");
        }
    }

    private static String word(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!WORD.matcher(value).matches()) {
            throw new StemException(ErrorCode.of("bad_" + name), name + " must be a language tag or channel name such as 'ar' or 'telegram'");
        }
        return value;
    }

    private static boolean bool(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new StemException(ErrorCode.BAD_INCLUDE_PREVIEW, "include_preview must be true or false");
        };
    }
}
