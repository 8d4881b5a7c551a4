/**
 * Answer exports (CSV, long CSV, SPSS, Flow Results) streamed with their filters.
 * <p>
 * Reads answers, sessions and survey versions; owns no table. Admin API: imports api, api.auth,
 * api.audit, surveys and helpers.
 */
package nl.stem.api.export;
