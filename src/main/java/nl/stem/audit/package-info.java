/**
 * The audit record: who did what, when, never personal data.
 * <p>
 * Owns audit_log. Helper: imports nothing of Stem.
 */
package nl.stem.audit;
