/**
 * Staff download of media answers (voice notes, videos), behind a role.
 * <p>
 * Reads media_objects; owns no table. Admin API: imports api, api.auth, api.audit, api.export,
 * media and helpers.
 */
package nl.stem.api.media;
