package nl.stem.survey;

import java.util.Map;
import java.util.TreeMap;

/**
 * The raw files of one survey, from disk or from an HTTP upload.
 *
 * @param surveyFile   e.g. {@code surveys/x.yaml}
 * @param yaml         the survey file's content
 * @param translations PO files by language tag (the file name without {@code .po})
 * @param audio        the audio files its questions are read aloud with: recordings by file name
 *                     (from {@code <surveys>/<id>-media/}), generated ones by
 *                     {@link PromptFile#syntheticKey}; facts only, the bytes are in the prompt store
 */
public record SurveySource(String surveyFile, String yaml, Map<String, TranslationFile> translations,
                           Map<String, PromptFile> audio) {

    /** @param file e.g. {@code translations/x/ar.po} */
    public record TranslationFile(String file, String content) {
    }

    public SurveySource {
        // sorted so that iteration (problems, checksum) does not depend on how the map was built
        translations = translations == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(translations));
        audio = audio == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(audio));
    }

    /** Sources without audio files. */
    public SurveySource(String surveyFile, String yaml, Map<String, TranslationFile> translations) {
        this(surveyFile, yaml, translations, Map.of());
    }

    /** The same sources with {@code more} audio files added (generated prompts). */
    public SurveySource withAudio(Map<String, PromptFile> more) {
        Map<String, PromptFile> all = new TreeMap<>(audio);
        all.putAll(more);
        return new SurveySource(surveyFile, yaml, translations, all);
    }
}
