package nl.stem.conversation;

import java.util.List;
import java.util.UUID;

/**
 * What handling an inbound message did, after commit.
 *
 * @param duplicate true when the same provider message id was handled before: nothing was done
 * @param sessionId the session the message went to (null for duplicates)
 * @param outboxIds the messages queued in reply, in order
 */
public record Outcome(boolean duplicate, UUID sessionId, List<Long> outboxIds) {
    public static Outcome duplicateDelivery() {
        return new Outcome(true, null, List.of());
    }
}
