/**
 * Stem's own configuration keys (stem.*) that several packages read.
 * <p>
 * Owns no table. Helper: imports nothing of Stem.
 */
package nl.stem.config;
