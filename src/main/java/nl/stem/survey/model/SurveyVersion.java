package nl.stem.survey.model;

/**
 * An immutable published version of a survey: the definition, its texts, and the checksum of the
 * files it was built from. A respondent mid-survey finishes on the version they started.
 */
public record SurveyVersion(Survey survey, SurveyTexts texts, int version, String checksum) {
    public String surveyId() {
        return survey.id();
    }
}
