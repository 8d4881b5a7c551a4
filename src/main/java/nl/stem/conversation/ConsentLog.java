package nl.stem.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * The record of consent decisions, as the conversation writes it: which text was shown (its
 * checksum), the decision, when and where. Owned here, implemented by {@code privacy/ConsentRecords}.
 */
public interface ConsentLog {
    String GIVEN = "given";
    String REFUSED = "refused";

    /** Records one decision on the caller's transaction. */
    void record(UUID respondentId, UUID sessionId, long surveyVersionId, String questionId, String language,
                String shownText, String decision, String channel, Instant at);
}
