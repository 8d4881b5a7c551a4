package nl.stem.survey.xlsform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Stem survey as flat data, one field per key of the survey file, with where each came from in
 * the workbook. The importer fills it from a form, the exporter from a published version, and
 * {@link SurveyFilesWriter} writes it as the survey file and PO translations.
 */
final class SurveyDraft {
    String id;
    Loc idLoc = Loc.WORKBOOK;
    String sourceLanguage;
    final List<String> languages = new ArrayList<>();
    /** Where each language was first named (its first column), for problems about the language. */
    final Map<String, Loc> languageLocs = new LinkedHashMap<>();
    boolean openToAnyone;
    Loc settingsLoc = Loc.WORKBOOK;
    final List<Question> questions = new ArrayList<>();
    /** Translation key -> language -> text, keys in survey-file order. */
    final Map<String, Map<String, String>> texts = new LinkedHashMap<>();
    /** Translation key -> language -> the cell it came from (or would have, when missing). */
    final Map<String, Map<String, Loc>> textLocs = new LinkedHashMap<>();

    void text(String key, String language, String text, Loc loc) {
        if (text != null) {
            texts.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(language, text);
        } else {
            texts.computeIfAbsent(key, k -> new LinkedHashMap<>());
        }
        if (loc != null) {
            textLocs.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(language, loc);
        }
    }

    String sourceText(String key) {
        Map<String, String> t = texts.get(key);
        return t == null ? null : t.get(sourceLanguage);
    }

    boolean hasKey(String key) {
        return sourceText(key) != null;
    }

    /** One question, as the survey file will say it. */
    static final class Question {
        String id;
        /** Stem's type: single_choice, scale, number, ... */
        String type;
        Loc loc = Loc.WORKBOOK;
        Loc typeLoc = Loc.WORKBOOK;
        boolean optional;
        Loc optionalLoc;
        String when;
        Loc whenLoc;
        final List<String> ioi = new ArrayList<>();
        Loc ioiLoc;
        final List<Choice> choices = new ArrayList<>();
        // scale
        Integer scaleMin;
        Integer scaleMax;
        boolean notApplicable;
        Loc scaleLoc;
        // number
        BigDecimal min;
        BigDecimal max;
        boolean decimal;
        // multiple choice
        Integer minChosen;
        Integer maxChosen;
        Loc boundsLoc;
        // text and open
        Integer maxLength;
        boolean images;
        Loc imagesLoc;
        final Map<String, String> audio = new TreeMap<>();
        final Map<String, Loc> audioLocs = new TreeMap<>();
    }

    /** A choice of a choice question: its id and the cell of its name. */
    record Choice(String id, Loc loc) {
    }
}
