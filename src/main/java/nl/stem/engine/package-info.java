/**
 * The pure survey engine: step(version, state, input, now) returns events and messages and stores
 * nothing.
 * <p>
 * Owns no table. Pure: imports surveys and language only; no framework, database, clock or
 * randomness (ArchitectureTest).
 */
package nl.stem.engine;
