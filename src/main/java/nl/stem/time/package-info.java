/**
 * The application's Clock, produced once so tests can replace it.
 * <p>
 * Owns no table. Helper: imports nothing of Stem.
 */
package nl.stem.time;
