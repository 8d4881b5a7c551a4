package nl.stem.survey;

import java.util.List;
import java.util.Map;

import nl.stem.survey.model.PromptAudio;
import nl.stem.survey.model.Survey;
import nl.stem.survey.model.SurveyVersion;
import nl.stem.survey.model.SurveyTexts;

/**
 * What loading one survey gave.
 *
 * @param surveyId null when the file could not be read far enough to find its id
 * @param survey   null when there is any error
 * @param texts    the texts that could be read, per language (also when invalid, for previews)
 * @param checksum SHA-256 hex over the survey file and its translation files
 * @param problems errors, warnings and infos, in file order
 * @param prompts  the questions read aloud, keyed {@code <question>/<language>} ({@link SurveyVersion#key})
 */
public record LoadResult(String surveyId, Survey survey, SurveyTexts texts, String checksum,
                         List<SurveyProblem> problems, Map<String, PromptAudio> prompts) {
    public LoadResult {
        problems = List.copyOf(problems);
        prompts = prompts == null ? Map.of() : Map.copyOf(prompts);
    }

    public LoadResult(String surveyId, Survey survey, SurveyTexts texts, String checksum, List<SurveyProblem> problems) {
        this(surveyId, survey, texts, checksum, problems, Map.of());
    }

    public boolean valid() {
        return survey != null && problems.stream().noneMatch(SurveyProblem::isError);
    }

    public List<SurveyProblem> errors() {
        return problems.stream().filter(SurveyProblem::isError).toList();
    }
}
