package nl.stem.conversation;

/**
 * A member's open invitation to a wave: the conversation starts the wave's survey version in the
 * invitation's language when the member answers it. Example: {@code new WaveInvite(12, 7, "ar")}.
 *
 * @param waveId          the wave
 * @param surveyVersionId the version the wave asks
 * @param language        the invitation's language, or null (the member picks from the menu)
 */
public record WaveInvite(long waveId, long surveyVersionId, String language) {
}
