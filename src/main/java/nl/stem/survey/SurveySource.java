package nl.stem.survey;

import java.util.Map;
import java.util.TreeMap;

/**
 * The raw files of one survey, from disk or from an HTTP upload.
 *
 * @param surveyFile   e.g. {@code surveys/x.yaml}
 * @param yaml         the survey file's content
 * @param translations PO files by language tag (the file name without {@code .po})
 */
public record SurveySource(String surveyFile, String yaml, Map<String, TranslationFile> translations) {

    /** @param file e.g. {@code translations/x/ar.po} */
    public record TranslationFile(String file, String content) {
    }

    public SurveySource {
        // sorted so that iteration (problems, checksum) does not depend on how the map was built
        translations = translations == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(translations));
    }
}
