package nl.stem.dashboard;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The survey pages' texts, in English here and in Dutch in {@code messages/sv_nl.properties}. */
@MessageBundle(value = "sv", locale = "en")
public interface SurveyPageMessages {
    @Message("Surveys")
    String title();

    @Message("Upload a survey or a new version")
    String upload_title();

    @Message("The survey file (<id>.yaml) and its translations, one PO file per language (ar.po, or a template downloaded here). Nothing is published yet: the next page lists every problem with file, line and key, and how far each language is translated.")
    String upload_help();

    @Message("Survey file (.yaml)")
    String survey_file();

    @Message("Translations (.po, several)")
    String translation_files();

    @Message("Check")
    String check();

    @Message("No survey has been published yet.")
    String none();

    @Message("Survey")
    String survey();

    @Message("Latest version")
    String latest();

    @Message("Versions")
    String versions();

    @Message("Status")
    String status();

    @Message("in use")
    String active();

    @Message("retired")
    String retired();

    @Message("Draft of {id}")
    String draft_title(String id);

    @Message("The files check out: this can be published.")
    String valid();

    @Message("Not ready to publish: {errors} error(s). Fix them and upload the files again, or add the missing translations below.")
    String invalid(long errors);

    @Message("Problems")
    String problems();

    @Message("Severity")
    String severity();

    @Message("File")
    String file();

    @Message("Line")
    String line();

    @Message("Key")
    String key();

    @Message("Problem")
    String problem_text();

    @Message("Translations")
    String translations();

    @Message("Language")
    String language();

    @Message("Translated")
    String translated();

    @Message("Fuzzy (machine-drafted)")
    String fuzzy();

    @Message("Stale (source changed)")
    String stale();

    @Message("Missing")
    String missing();

    @Message("Template")
    String template();

    @Message("{lang}.po")
    String template_link(String lang);

    @Message("Add or replace translations")
    String add_translations();

    @Message("Add")
    String add();

    @Message("Publish as a new version")
    String publish();

    @Message("Version {version} of {id} was published.")
    String published(int version, String id);

    @Message("These files were already published as version {version} of {id}.")
    String unchanged(int version, String id);

    @Message("Back to the surveys")
    String back();

    @Message("Survey {id}")
    String survey_title(String id);

    @Message("Version")
    String version();

    @Message("Published by")
    String published_by();

    @Message("Published at")
    String published_at();

    @Message("Compare versions")
    String compare();

    @Message("from")
    String from();

    @Message("to")
    String to();

    @Message("Compare")
    String compare_button();

    @Message("Added")
    String added();

    @Message("Removed")
    String removed();

    @Message("Changed")
    String changed();

    @Message("No question changed.")
    String no_changes();

    @Message("Retire this survey")
    String retire();

    @Message("No new sessions start on a retired survey; sessions under way finish, and answers keep their version.")
    String retire_help();

    @Message("This survey is retired.")
    String is_retired();

    @Message("Choose the survey file first.")
    String no_survey_file();

    @Message("{file} is not UTF-8: save it as UTF-8.")
    String not_utf8(String file);

    @Message("{file} is larger than {limit} bytes.")
    String too_large(String file, int limit);

    @Message("{file} is not a PO file named after its language, such as ar.po.")
    String bad_po_name(String file);

    @Message("This draft does not exist (any more): it was published or never made.")
    String draft_gone();
}
