/**
 * Plumbing shared by the background workers (outbox sender, media worker): a single-flight drain
 * loop with wake-ups, short JDBC transactions outside JTA, exponential backoff with jitter, and the
 * cluster lock that lets one of several instances do work for all.
 * <p>
 * Owns the table {@code cluster_tasks} (ClusterTasks). Helper: imports nothing of Stem.
 */
package nl.stem.worker;
