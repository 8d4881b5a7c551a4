/**
 * The audit log's API (GET /api/audit) and Audit, the writer the panel and survey admin record
 * through.
 * <p>
 * Writes audit_log through audit/AuditEntry. Admin API: imports api, api.auth, audit and helpers.
 */
package nl.stem.api.audit;
