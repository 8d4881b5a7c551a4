package nl.stem.api.survey;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.survey.SurveySource;

/**
 * A survey upload's files as the loader reads them, checked the same way for the API and the
 * dashboard: the survey file is {@code <id>.yaml}, each translation is keyed by a language tag, and
 * problems name the files as on disk ({@code surveys/<id>.yaml}, {@code translations/<id>/<lang>.po}).
 */
public final class SurveyUploads {
    static final Pattern FILE = Pattern.compile("[a-z][a-z0-9_]*\\.yaml");
    static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    private SurveyUploads() {
    }

    /** The source for a survey file named {@code file} and PO files by language; 400 for a bad name or tag. */
    public static SurveySource source(String file, String yaml, Map<String, String> translations) {
        if (file == null || !FILE.matcher(file).matches()) {
            throw new StemException(ErrorCode.BAD_FILE_NAME, "survey.file must be '<id>.yaml' with id [a-z][a-z0-9_]*, not '" + file + "'");
        }
        String id = file.substring(0, file.length() - ".yaml".length());
        Map<String, SurveySource.TranslationFile> files = new LinkedHashMap<>();
        for (Map.Entry<String, String> t : translations.entrySet()) {
            if (!isLanguage(t.getKey()) || t.getValue() == null) {
                throw new StemException(ErrorCode.BAD_TRANSLATION,
                        "translations must map language tags (e.g. \"ar\", \"pt-BR\") to PO file contents; '" + t.getKey() + "' is not one");
            }
            files.put(t.getKey(), new SurveySource.TranslationFile("translations/" + id + "/" + t.getKey() + ".po", t.getValue()));
        }
        return new SurveySource("surveys/" + file, yaml, files);
    }

    /** Whether {@code tag} has the shape of a language tag, such as {@code ar} or {@code pt-BR}. */
    public static boolean isLanguage(String tag) {
        return tag != null && LANGUAGE.matcher(tag).matches();
    }
}
