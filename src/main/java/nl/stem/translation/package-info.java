/**
 * Gettext .po files: reading and writing translations of surveys and Stem's own texts.
 * <p>
 * Owns no table. Helper: imports nothing of Stem.
 */
package nl.stem.translation;
