package nl.stem.api.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import nl.stem.api.StemException;
import nl.stem.survey.PublishedSurvey;
import nl.stem.survey.SurveyCatalog;
import nl.stem.survey.SurveyVersionRecord;

/** Turns an export's query parameters into an {@link ExportFilter}, or a 400/404 saying what is wrong. */
@ApplicationScoped
public class ExportFilters {
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Inject
    SurveyCatalog catalog;

    /**
     * @param from ISO date ({@code 2026-11-01}: from the start of that day, UTC) or date-time with offset
     * @param to   ISO date (up to and including that day, UTC) or date-time with offset (exclusive)
     */
    @Transactional
    public ExportFilter parse(String survey, String version, String wave, String from, String to, String language,
                              String channel, String includePreview) {
        if (survey == null || survey.isBlank()) {
            throw new StemException(400, "survey_required", "Name the survey to export: ?survey=<id>");
        }
        if (wave != null) {
            throw new StemException(400, "waves_not_supported", "The wave filter is not supported yet: Stem has no waves yet; leave it out");
        }
        List<SurveyVersionRecord> rows = SurveyVersionRecord.list("surveyId = ?1 order by version", survey);
        if (rows.isEmpty()) {
            throw new StemException(404, "survey_not_found", "No published survey with id '" + survey + "'");
        }
        Integer versionNumber = null;
        if (version != null) {
            try {
                versionNumber = Integer.valueOf(version.trim());
            } catch (NumberFormatException e) {
                throw new StemException(400, "bad_version", "version must be a version number such as 2, not '" + version + "'");
            }
            int n = versionNumber;
            rows = rows.stream().filter(r -> r.version == n).toList();
            if (rows.isEmpty()) {
                throw new StemException(400, "unknown_version", "Survey '" + survey + "' has no version " + n);
            }
        }
        List<PublishedSurvey> versions = new ArrayList<>();
        for (SurveyVersionRecord r : rows) {
            versions.add(catalog.byVersionId(r.id).orElseThrow());
        }
        versions.sort(Comparator.comparingInt(p -> p.version().version()));
        Instant start = from == null ? null : instant("from", from, false);
        Instant end = to == null ? null : instant("to", to, true);
        if (start != null && end != null && start.isAfter(end)) {
            throw new StemException(400, "bad_range", "from (" + from + ") is after to (" + to + ")");
        }
        return new ExportFilter(survey, versions, versionNumber, start, end, word("language", language),
                word("channel", channel), bool(includePreview));
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
            throw new StemException(400, "bad_date", name + " must be an ISO date (2026-11-01) or date-time (2026-11-01T09:00:00+01:00), not '" + value + "'");
        }
    }

    private static String word(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!WORD.matcher(value).matches()) {
            throw new StemException(400, "bad_" + name, name + " must be a language tag or channel name such as 'ar' or 'telegram'");
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
            default -> throw new StemException(400, "bad_include_preview", "include_preview must be true or false");
        };
    }
}
