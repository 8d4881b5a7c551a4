/**
 * Every message Stem sends: OutboxStore (the one writer of the outbox, enqueue for every producer)
 * and OutboxSender (claims, rate limits, retries, ordering per chat) over each channel's
 * ChannelSender.
 * <p>
 * Owns outbox (OutboxStore) and send_buckets (SendBuckets, the channels' rates across instances). Sending and storing layer: imports identity, db, worker.
 */
package nl.stem.outbox;
