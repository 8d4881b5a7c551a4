/**
 * The XLSForm door of the survey admin API: {@code POST /api/surveys/xlsform} validates or publishes
 * an uploaded workbook, {@code GET /api/surveys/{id}/versions/{version}/xlsform} writes a published version back out.
 * <p>
 * Owns no table: it publishes through the survey catalogue. Admin API: imports api, api.auth, the
 * pure converter {@code survey.xlsform}, surveys and helpers.
 */
package nl.stem.api.survey.xlsform;
