package nl.stem.dashboard;

/**
 * How far a wave's members got. Example: {@code new Funnel(100, 90, 60, 45)}: 100 invited, 90
 * reached (delivered), 60 started the survey, 45 reached its end.
 *
 * @param invited   members of the wave
 * @param delivered members the invitation reached: a session, a Telegram invitation sent, a WhatsApp
 *                  invitation delivered or read, or an opened Telegram link
 * @param started   members with a session in the wave
 * @param completed members whose session reached the end of the survey
 */
public record Funnel(long invited, long delivered, long started, long completed) {
}
