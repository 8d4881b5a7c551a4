package nl.stem.media;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Writes a pending media object and fires MediaQueued in one transaction, as the conversation service would. */
@ApplicationScoped
public class MediaQueueingTransaction {
    @Inject
    Event<MediaQueued> queued;

    @Transactional
    public UUID queue(UUID respondentId, String channel, String kind, String mimeType, String providerRef) {
        MediaObject m = new MediaObject();
        m.id = UUID.randomUUID();
        m.respondentId = respondentId;
        m.channel = channel;
        m.kind = kind;
        m.mimeType = mimeType;
        m.providerRef = providerRef;
        m.status = MediaObject.PENDING;
        m.createdAt = Instant.now();
        m.persist();
        queued.fire(new MediaQueued(m.id));
        return m.id;
    }
}
