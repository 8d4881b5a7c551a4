package nl.stem.media;

import java.util.UUID;

/**
 * Fired when a media object was stored with status {@code pending}, inside the transaction that
 * wrote it; observed after commit to wake the {@link MediaWorker}.
 */
public record MediaQueued(UUID mediaId) {
}
