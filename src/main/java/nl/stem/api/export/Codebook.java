package nl.stem.api.export;

import java.util.List;

/**
 * What every variable of the wide export means, as data (JSON, CSV) and as a page.
 *
 * @param survey         survey id
 * @param title          title in the source language
 * @param versions       the versions covered
 * @param sourceLanguage the language value labels in the CSV exports are in
 * @param fixedColumns   the columns before the variables in the wide CSV
 * @param missingValues  the missing-value codes used in every variable
 */
public record Codebook(String survey, String title, List<Integer> versions, String sourceLanguage, List<String> languages,
                       List<String> fixedColumns, List<MissingCodes.Code> missingValues, List<Entry> variables) {

    /**
     * One variable.
     *
     * @param name        column name in the wide CSV ({@code <question>/<choice>} for a choice's 0/1 column)
     * @param question    the question id
     * @param type        the question type ({@code single_choice}, {@code scale}, ...); {@code choice_indicator} for 0/1 columns
     * @param text        the question text in every language (for a 0/1 column with the choice's label)
     * @param valueLabels choices or scale end points, labelled in every language
     * @param condition   the {@code when} source: the universe of the question; null when always asked
     * @param ioi         IoI tags
     * @param versions    the survey versions that ask it
     */
    public record Entry(String name, String question, String type, boolean optional, List<Text> text,
                        List<ValueLabel> valueLabels, String condition, List<String> ioi, List<Integer> versions) {
    }

    /** A text in one language; {@code rtl} for right-to-left scripts. */
    public record Text(String language, String text, boolean rtl) {
    }

    /** A value and its label in every language. */
    public record ValueLabel(String value, List<Text> labels) {
    }
}
