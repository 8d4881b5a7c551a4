package nl.stem.survey;

import java.util.List;

/** A survey that failed validation; carries every problem (file, line, key, message). */
public class InvalidSurveyException extends RuntimeException {
    private final transient List<SurveyProblem> problems;

    public InvalidSurveyException(String surveyId, List<SurveyProblem> problems) {
        super("Survey " + surveyId + " is invalid: " + problems.size() + " problem(s)");
        this.problems = List.copyOf(problems);
    }

    public List<SurveyProblem> problems() {
        return problems;
    }
}
