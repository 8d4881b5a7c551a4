/**
 * Start-up: creates and migrates the database, loads the published survey versions and publishes
 * the survey files.
 * <p>
 * Owns no table. Entry point: may import any package below it (ArchitectureTest's layers).
 */
package nl.stem;
