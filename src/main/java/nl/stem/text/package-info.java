/**
 * External text: what Stem accepts from outside (NUL and unfit characters removed or refused,
 * NFC), also inside JSON.
 * <p>
 * Owns no table. Helper: imports nothing of Stem.
 */
package nl.stem.text;
