package nl.stem.survey;

/**
 * One finding of the loader, named by file, line and key so a researcher can go straight to it.
 *
 * @param file    path relative to the project, e.g. {@code surveys/x.yaml} or {@code translations/x/ar.po}
 * @param line    1-based line, 0 when the problem concerns the whole file (e.g. a missing key)
 * @param key     where in the survey: {@code questions.help_uwv.choices} for the survey file,
 *                the translation key (e.g. {@code help_uwv.text}) for translations
 */
public record SurveyProblem(Severity severity, String file, int line, String key, String message) {

    /** Errors make a survey invalid; warnings and infos do not. */
    public enum Severity {
        ERROR, WARNING, INFO
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code surveys/x.yaml:12 [help_uwv.choices] single_choice needs at least 2 choices}. */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line : file;
        String level = severity == Severity.ERROR ? "" : severity.name().toLowerCase(java.util.Locale.ROOT) + ": ";
        return where + " [" + key + "] " + level + message;
    }
}
