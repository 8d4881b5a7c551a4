package nl.stem.panel.wave;

import java.time.Instant;
import java.util.List;

/**
 * A wave as the API lists it; the dashboard has the full figures. Example: wave 3, "Werk, november",
 * survey toegang_tot_werk version 2, open, 480 invited, 455 invitations sent, 12 links to hand out,
 * 301 started, 262 completed.
 */
public record WaveSummary(long id, String name, String survey, int surveyVersion, String status, Instant inviteAt,
                          List<Integer> reminderHours, Instant createdAt, Instant closedAt, Instant feedbackSentAt,
                          long invited, long sent, long links, long started, long completed) {
}
