package nl.stem.conversation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import nl.stem.engine.Outbound;

/**
 * "My data" in the chat: what the conversation asks the data-protection side for. The conversation
 * owns this contract and {@code privacy/AccessSummary} implements it, so the conversation imports
 * nothing above it.
 */
public interface AccessAnswers {
    /** The summary for a respondent, read and audited in the caller's transaction; empty when there is no such respondent. */
    Optional<Outbound> forRespondent(UUID respondentId, String language, Instant now);

    /** The polite word for a chat Stem knows nothing about. */
    Outbound unknownChat(String language);
}
