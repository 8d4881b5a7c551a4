/**
 * Survey files: parsing, validation, translations, provider limits (ButtonPayloads), the published
 * versions and the IoI taxonomy.
 * <p>
 * Owns surveys and survey_versions. Surveys layer: imports survey.model, survey.logic and helpers;
 * never the engine.
 */
package nl.stem.survey;
