package nl.stem.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One message to queue with {@link OutboxStore#enqueue}: who gets it on which channel, how urgent it
 * is, the rendered payload (JSON of an {@code engine.Outbound}), when it may go at the earliest, and
 * when it may arrive at all ({@code window}: quiet hours). Example: {@code new NewMessage("telegram",
 * respondentId, "123456789", OutboxMessage.PRIORITY_REPLY, "{\"text\":\"Welkom\"}", now)}.
 * {@code respondentId} is null for a message to someone just erased.
 */
public record NewMessage(String channel, UUID respondentId, String recipient, int priority, String payload, Instant notBefore,
                         SendWindow window) {
    public NewMessage(String channel, UUID respondentId, String recipient, int priority, String payload, Instant notBefore) {
        this(channel, respondentId, recipient, priority, payload, notBefore, SendWindow.ANY_TIME);
    }

    public NewMessage {
        window = window == null ? SendWindow.ANY_TIME : window;
    }
}
