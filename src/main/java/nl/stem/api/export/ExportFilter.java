package nl.stem.api.export;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.stem.survey.PublishedSurvey;

/**
 * Which answers an export covers. Every export reads only answers, respondents' pseudonyms,
 * sessions, survey versions and media objects: never channel identities or the outbox.
 *
 * @param surveyId       required
 * @param versions       the survey's versions covered, oldest first (one when {@code version} was given)
 * @param versionFilter  the {@code version} parameter, null for all versions
 * @param from           answered at or after, null for no bound
 * @param to             answered before, null for no bound
 * @param language       answer language, null for any
 * @param channel        channel, null for any
 * @param includePreview whether answers given in the browser preview are included
 */
public record ExportFilter(String surveyId, List<PublishedSurvey> versions, Integer versionFilter, Instant from, Instant to,
                           String language, String channel, boolean includePreview) {

    public ExportFilter {
        versions = List.copyOf(versions);
    }

    /**
     * Appends the filters after a {@code where} on {@code answers a} (date range, language, channel,
     * preview) as {@code and ...} clauses with {@code ?} placeholders, adding their values to
     * {@code params} in order. The version condition is the caller's.
     */
    public void appendConditions(StringBuilder sql, List<Object> params) {
        if (from != null) {
            sql.append(" and a.answered_at >= ?");
            params.add(java.sql.Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" and a.answered_at < ?");
            params.add(java.sql.Timestamp.from(to));
        }
        if (language != null) {
            sql.append(" and a.language = ?");
            params.add(language);
        }
        if (channel != null) {
            sql.append(" and a.channel = ?");
            params.add(channel);
        }
        if (!includePreview) {
            sql.append(" and not a.preview");
        }
    }

    /** The filters as given, for the audit log (no personal data in them). */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("survey", surveyId);
        m.put("version", versionFilter);
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
