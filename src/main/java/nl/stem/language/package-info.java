/**
 * Language tags and names, digits and folding for typed answers, guessing a language from a
 * message.
 * <p>
 * Owns no table. Pure helper: no framework, database, clock or randomness (ArchitectureTest).
 */
package nl.stem.language;
