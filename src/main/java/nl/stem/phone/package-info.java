/**
 * Phone numbers: validation and E.164, and a number's country.
 * <p>
 * Owns no table. Helper: imports nothing of Stem.
 */
package nl.stem.phone;
