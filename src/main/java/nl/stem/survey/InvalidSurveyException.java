package nl.stem.survey;

import java.util.List;

/** A survey that failed validation; carries every problem (file, line, key, message). */
public class InvalidSurveyException extends RuntimeException {
    private final transient List<SurveyProblem> problems;

    public InvalidSurveyException(String surveyId, List<SurveyProblem> problems) {
        super((surveyId == null ? "The survey" : "Survey " + surveyId) + " is invalid: "
                + problems.stream().filter(SurveyProblem::isError).count() + " error(s)");
        this.problems = List.copyOf(problems);
    }

    public List<SurveyProblem> problems() {
        return problems;
    }
}
