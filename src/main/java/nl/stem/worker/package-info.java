/**
 * Plumbing shared by the background workers (outbox sender, media worker): a single-flight drain
 * loop with wake-ups, short JDBC transactions outside JTA, and exponential backoff with jitter.
 * <p>
 * Owns no table. Helper: imports nothing of Stem.
 */
package nl.stem.worker;
