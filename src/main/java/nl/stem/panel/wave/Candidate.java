package nl.stem.panel.wave;

import java.time.Instant;
import java.util.UUID;

/** A panel member considered for a wave, with their identity on their channel (null: not linked). */
record Candidate(UUID respondentId, String memberId, String channel, String language, String timeZone,
                 Instant optedOutAt, String providerId, Instant unreachableAt, int recentContacts) {
}
