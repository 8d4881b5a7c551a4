/**
 * Database plumbing: creates the database at start-up, and time-ordered ids.
 * <p>
 * Owns no table. Helper: imports nothing of Stem.
 */
package nl.stem.db;
