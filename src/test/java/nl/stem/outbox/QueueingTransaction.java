package nl.stem.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Queues a message and fires OutboxQueued in one transaction, as the conversation service does. */
@ApplicationScoped
public class QueueingTransaction {
    @Inject
    Event<OutboxQueued> queued;

    @Transactional
    public long queue(String channel, UUID respondentId, String recipient, String text) {
        OutboxMessage o = new OutboxMessage();
        o.channel = channel;
        o.respondentId = respondentId;
        o.recipient = recipient;
        o.priority = OutboxMessage.PRIORITY_REPLY;
        o.payload = "{\"text\":\"" + text + "\"}";
        o.status = "queued";
        o.nextAttemptAt = Instant.now();
        o.idempotencyKey = UUID.randomUUID();
        o.createdAt = Instant.now();
        o.persist();
        queued.fire(new OutboxQueued(channel));
        return o.id;
    }
}
