package nl.stem.outbox;

/** Fired when messages were queued; observed after commit to wake the sender of that channel. */
public record OutboxQueued(String channel) {
}
