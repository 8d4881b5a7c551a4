package nl.stem.api.export;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import nl.stem.survey.PublishedSurvey;

/**
 * Which answers an export covers, as {@link ExportFilters#parse} builds it from the query
 * parameters. Every export reads only answers, respondents' pseudonyms, sessions, survey versions
 * and media objects: never channel identities or the outbox.
 *
 * <p>Other readers of answers (results, the media list) use the same filter: take the versions from
 * {@link #versions()} ({@code a.survey_version_id = any (?)}, the caller's condition) and let
 * {@link #appendConditions} add the rest, waves included.
 *
 * @param surveyId       required
 * @param versions       the survey's versions covered, oldest first: all versions, the one {@code version}
 *                       names, or, with waves, the versions those waves ran (never empty)
 * @param versionFilter  the {@code version} parameter, null for all versions
 * @param waves          the waves covered (ids, ascending, each a wave of this survey); empty for answers
 *                       from any wave or none
 * @param from           answered at or after, null for no bound
 * @param to             answered before, null for no bound
 * @param language       answer language, null for any
 * @param channel        channel, null for any
 * @param includePreview whether answers given in the browser preview are included
 */
public record ExportFilter(String surveyId, List<PublishedSurvey> versions, Integer versionFilter, List<Long> waves,
                           Instant from, Instant to, String language, String channel, boolean includePreview) {
    private static final Pattern ALIAS = Pattern.compile("[a-z_][a-z0-9_]*");

    public ExportFilter {
        versions = List.copyOf(versions);
        waves = waves == null ? List.of() : List.copyOf(waves);
    }

    /** Whether the filter names waves ({@code wave=3} or {@code wave=3,4}). */
    public boolean hasWaves() {
        return !waves.isEmpty();
    }

    /**
     * Appends the filters after a {@code where} on {@code answers a}: waves ({@code a.wave_id}), date
     * range ({@code a.answered_at}), language, channel, preview, as {@code and ...} clauses with
     * {@code ?} placeholders, adding their values to {@code params} in order. The values are plain
     * JDBC values ({@code Long}, {@code java.sql.Timestamp}, {@code String}), for
     * {@code PreparedStatement.setObject}. The version condition is the caller's.
     */
    public void appendConditions(StringBuilder sql, List<Object> params) {
        appendConditions("a", sql, params);
    }

    /**
     * As {@link #appendConditions(StringBuilder, List)}, for a table or view with the answers'
     * columns ({@code wave_id}, {@code answered_at}, {@code language}, {@code channel}, {@code preview})
     * under another alias.
     */
    public void appendConditions(String alias, StringBuilder sql, List<Object> params) {
        if (!ALIAS.matcher(alias).matches()) {
            throw new IllegalArgumentException("Not an SQL alias: " + alias);
        }
        String a = alias + ".";
        if (!waves.isEmpty()) {
            sql.append(" and ").append(a).append("wave_id in (");
            for (int i = 0; i < waves.size(); i++) {
                sql.append(i == 0 ? "?" : ", ?");
                params.add(waves.get(i));
            }
            sql.append(')');
        }
        if (from != null) {
            sql.append(" and ").append(a).append("answered_at >= ?");
            params.add(java.sql.Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and ").append(a).append("answered_at < ?");
            params.add(java.sql.Timestamp.from(to));
        }
        if (language != null) {
            sql.append(" and ").append(a).append("language = ?");
            params.add(language);
        }
        if (channel != null) {
            sql.append(" and ").append(a).append("channel = ?");
            params.add(channel);
        }
        if (!includePreview) {
            sql.append(" and not ").append(a).append("preview");
        }
    }

    /** The filters as given, for the audit log (no personal data in them). */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("survey", surveyId);
        m.put("version", versionFilter);
        m.put("wave", waves.isEmpty() ? null : waves);
        m.put("from", from == null ? null : from.toString());
        m.put("to", to == null ? null : to.toString());
        m.put("language", language);
        m.put("channel", channel);
        m.put("include_preview", includePreview);
        return m;
    }

    /** The newest version covered. */
    public PublishedSurvey newest() {
        return versions.get(versions.size() - 1);
    }
}
