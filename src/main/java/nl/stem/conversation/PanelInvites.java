package nl.stem.conversation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What the conversation asks the panel about a member's wave invitations, inside its transaction.
 * The conversation owns this contract and the panel implements it ({@code panel/wave/WaveInvites}),
 * so the conversation imports nothing of the panel. Example: {@code pending(id, now, false)} gives
 * {@code WaveInvite(12, 7, "ar")} for a member invited to wave 12 who has not answered yet.
 */
public interface PanelInvites {

    /**
     * The newest invitation of an open wave that the member has not answered yet; with
     * {@code explicitStart} (they said "start") also one they stopped.
     */
    Optional<WaveInvite> pending(UUID respondentId, Instant now, boolean explicitStart);

    /** The member's open wave for {@code surveyId} (a Telegram deep link names the survey). */
    Optional<WaveInvite> forSurvey(UUID respondentId, String surveyId);

    /** Records that the member's session in the wave is {@code sessionId} (the newest one counts). */
    void attach(long waveId, UUID respondentId, UUID sessionId);
}
