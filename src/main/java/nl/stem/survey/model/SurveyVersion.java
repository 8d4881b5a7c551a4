package nl.stem.survey.model;

import java.util.Map;
import java.util.Optional;

/**
 * An immutable published version of a survey: the definition, its texts, and the checksum of the
 * files it was built from. A respondent mid-survey finishes on the version they started.
 *
 * @param prompts questions read aloud, keyed {@code <question id>/<language>} (see {@link #prompt})
 */
public record SurveyVersion(Survey survey, SurveyTexts texts, int version, String checksum, Map<String, PromptAudio> prompts) {

    public SurveyVersion {
        prompts = prompts == null ? Map.of() : Map.copyOf(prompts);
    }

    /** A version without prompts read aloud. */
    public SurveyVersion(Survey survey, SurveyTexts texts, int version, String checksum) {
        this(survey, texts, version, checksum, Map.of());
    }

    public String surveyId() {
        return survey.id();
    }

    /** The prompt for a question in a language. Example: {@code prompt("consent", "ps")}. */
    public Optional<PromptAudio> prompt(String questionId, String language) {
        return prompts.isEmpty() ? Optional.empty() : Optional.ofNullable(prompts.get(key(questionId, language)));
    }

    public static String key(String questionId, String language) {
        return questionId + "/" + language;
    }
}
