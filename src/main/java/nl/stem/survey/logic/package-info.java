/**
 * Conditions in survey files: the tokenizer, parser and evaluator of show_if and skip logic.
 * <p>
 * Owns no table. Surveys layer: imports survey.model and helpers.
 */
package nl.stem.survey.logic;
