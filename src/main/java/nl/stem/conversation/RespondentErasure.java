package nl.stem.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * The right to erasure as the conversation uses it ("delete my data", confirmed in the chat). The
 * conversation owns this contract; {@code panel/member/Erasure} implements it (it knows every table
 * a respondent is in), so the conversation imports nothing of the panel.
 */
public interface RespondentErasure {
    /** The actor when the respondent asked for it themselves. */
    String RESPONDENT = "respondent";

    /** Erases everything about the respondent in the caller's transaction; false when there is no such respondent. */
    boolean erase(UUID respondentId, String actor, Instant now);
}
