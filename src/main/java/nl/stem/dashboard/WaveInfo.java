package nl.stem.dashboard;

import java.time.Instant;

/**
 * A wave as the dashboard names it. Example: {@code new WaveInfo(7, "Voorjaar 2026",
 * "veiligheid_en_stabiliteit", "Veiligheid en stabiliteit", 2, "open", invitedAt, null, null)}.
 *
 * @param feedbackSentAt when "what we learned" went out, null until then
 */
public record WaveInfo(long id, String name, String surveyId, String surveyTitle, int surveyVersion, String status,
                       Instant inviteAt, Instant closedAt, Instant feedbackSentAt) {
}
