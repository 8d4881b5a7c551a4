package nl.stem.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One message to queue with {@link OutboxStore#enqueue}: who gets it on which channel, how urgent it
 * is, the rendered payload (JSON of an {@code engine.Outbound}), and when it may go at the earliest.
 * Example: {@code new NewMessage("telegram", respondentId, "123456789", OutboxMessage.PRIORITY_REPLY,
 * "{\"text\":\"Welkom\"}", now)}. {@code respondentId} is null for a message to someone just erased.
 */
public record NewMessage(String channel, UUID respondentId, String recipient, int priority, String payload, Instant notBefore) {
}
