/**
 * The survey admin API: validate, publish, retire and list surveys and their versions.
 * <p>
 * Writes surveys and survey_versions through the survey catalogue. Admin API: imports api,
 * api.auth, api.audit, surveys and helpers.
 */
package nl.stem.api.survey;
