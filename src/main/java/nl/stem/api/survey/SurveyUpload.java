package nl.stem.api.survey;

import java.util.Map;

/**
 * One survey upload: {@code {"survey": {"file": "x.yaml", "content": "<yaml>"}, "translations": {"ar": "<po>"}}}.
 * File names in problems are {@code surveys/x.yaml} and {@code translations/x/ar.po}, as on disk.
 */
public record SurveyUpload(SurveyFile survey, Map<String, String> translations) {

    /** The survey file: its name ({@code <id>.yaml}) and YAML content. */
    public record SurveyFile(String file, String content) {
    }
}
