package nl.stem.survey;

import java.time.Instant;

import nl.stem.survey.model.SurveyVersion;

/** A published version as the running service knows it: its database id and parsed definition. */
public record PublishedSurvey(long versionId, SurveyVersion version, Instant publishedAt) {
    public String surveyId() {
        return version.surveyId();
    }
}
