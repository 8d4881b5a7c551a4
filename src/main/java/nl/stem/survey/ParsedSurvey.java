package nl.stem.survey;

import java.util.List;
import java.util.Map;

import nl.stem.survey.model.Question;

/**
 * What the survey file gave, also when it has errors, so later checks (translations, limits)
 * can still run and report everything in one go.
 *
 * @param languages     source first, then the others as listed
 * @param languageLines line of each language in the {@code languages} list
 * @param questions     the questions that could be built
 * @param sourceTexts   translation key -> source-language text, in file order
 * @param keyLines      translation key -> line in the survey file
 */
record ParsedSurvey(String id, String title, String sourceLanguage, List<String> languages,
                    Map<String, Integer> languageLines, boolean openToAnyone, List<Question> questions,
                    Map<String, String> sourceTexts, Map<String, Integer> keyLines) {
}
