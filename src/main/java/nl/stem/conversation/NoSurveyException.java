package nl.stem.conversation;

import nl.stem.api.StemException;

/** Asked to start a survey that is not published, or retired. */
public class NoSurveyException extends StemException {
    public NoSurveyException(String surveyId) {
        super(404, "survey_not_found", "No published survey '" + surveyId + "' is open");
    }
}
