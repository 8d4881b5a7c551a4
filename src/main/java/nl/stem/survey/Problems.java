package nl.stem.survey;

import java.util.ArrayList;
import java.util.List;

import nl.stem.survey.SurveyProblem.Severity;

/** Collects problems while loading one survey. */
final class Problems {
    private final List<SurveyProblem> list = new ArrayList<>();

    void error(String file, int line, String key, String message) {
        list.add(new SurveyProblem(Severity.ERROR, file, line, key, message));
    }

    void warning(String file, int line, String key, String message) {
        list.add(new SurveyProblem(Severity.WARNING, file, line, key, message));
    }

    void info(String file, int line, String key, String message) {
        list.add(new SurveyProblem(Severity.INFO, file, line, key, message));
    }

    boolean hasErrors() {
        return list.stream().anyMatch(SurveyProblem::isError);
    }

    List<SurveyProblem> list() {
        return list;
    }
}
