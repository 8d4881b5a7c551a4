package nl.stem.results;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.stem.survey.PublishedSurvey;

/**
 * Which responses the results cover: the sessions of a survey's versions (never the preview's),
 * optionally of some waves, started within a date range, in one language or on one channel.
 *
 * @param surveyId the survey
 * @param versions its versions covered, oldest first; the newest decides the questions and their order
 * @param waves    the waves covered, oldest first; empty for every session, in a wave or not
 * @param from     sessions started at or after, null for no bound
 * @param to       sessions started before, null for no bound
 * @param language the session's language, null for any
 * @param channel  the session's channel, null for any
 * @param by       the breakdown ({@link Breakdowns}), null for none
 * @param paired   with two or more waves: only members who answered (at least one question) in every one of them
 */
public record ResultsScope(String surveyId, List<PublishedSurvey> versions, List<WaveRef> waves, Instant from, Instant to,
                           String language, String channel, String by, boolean paired) {
    public ResultsScope {
        versions = List.copyOf(versions);
        waves = List.copyOf(waves);
    }

    public PublishedSurvey newest() {
        return versions.get(versions.size() - 1);
    }

    Long[] versionIds() {
        return versions.stream().map(PublishedSurvey::versionId).toArray(Long[]::new);
    }

    Long[] waveIds() {
        return waves.stream().map(WaveRef::id).toArray(Long[]::new);
    }

    /** The scope as given, for the audit log and the JSON answer (no personal data in it). */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("survey", surveyId);
        m.put("waves", waves.stream().map(WaveRef::id).toList());
        m.put("from", from == null ? null : from.toString());
        m.put("to", to == null ? null : to.toString());
        m.put("language", language);
        m.put("channel", channel);
        m.put("by", by);
        m.put("paired", paired);
        return m;
    }
}
