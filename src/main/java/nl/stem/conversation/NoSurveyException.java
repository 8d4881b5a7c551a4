package nl.stem.conversation;

import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;

/** Asked to start a survey that is not published, or retired. */
public class NoSurveyException extends StemException {
    public NoSurveyException(String surveyId) {
        super(ErrorCode.SURVEY_NOT_FOUND, "No published survey '" + surveyId + "' is open");
    }
}
