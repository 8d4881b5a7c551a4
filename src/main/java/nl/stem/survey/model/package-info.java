/**
 * The survey model: questions, choices, answers, as immutable records.
 * <p>
 * Owns no table. Pure: no framework, database, clock or randomness (ArchitectureTest).
 */
package nl.stem.survey.model;
