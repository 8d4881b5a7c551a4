/**
 * Survey results: the results pages, public publications and quotes, with small-number
 * suppression.
 * <p>
 * Owns result_publications and result_quotes. Entry point: may import any package below it
 * (implements panel.wave.ResultsLinks).
 */
package nl.stem.results;
