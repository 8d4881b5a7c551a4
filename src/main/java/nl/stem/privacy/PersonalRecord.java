package nl.stem.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Everything Stem holds about one respondent (art. 15 and 20 GDPR), as {@code GET
 * /api/members/{id}/record} returns it and the chat summary reads it. Only their own rows: no other
 * respondent, no staff token, no invitation token (a key to their chat, not information about them).
 * Media files are listed; {@code record.zip} carries them under {@link Media#file()}.
 */
public record PersonalRecord(Instant generatedAt, Person person, List<Identity> channelIdentities, List<Consent> consents,
                             List<Session> sessions, List<Answer> answers, List<Media> media, List<Invitation> invitations,
                             List<WaveMembership> waves, List<Contact> contacts, List<Message> messages) {

    /** The respondent row. {@code memberId} is the coordinator's id, null for someone who found the bot. */
    public record Person(String pseudonym, String memberId, String channel, String preferredLanguage, String timeZone,
                         String consentStatus, Map<String, Object> attributes, String status, Instant createdAt,
                         Instant enrolledAt, Instant optedOutAt) {
    }

    /** A phone number or chat id they wrote from or are invited on. */
    public record Identity(String channel, String providerId, Instant createdAt, Instant lastInboundAt, Instant unreachableAt) {
    }

    /** A consent decision: the text's checksum identifies exactly what they were shown. */
    public record Consent(String survey, int surveyVersion, String questionId, String language, String textSha256,
                          String decision, String channel, Instant at, UUID sessionId) {
    }

    /** A survey they took; {@code surveyVersionId} is Stem's id of the version (its texts are in the codebook). */
    public record Session(UUID id, String survey, int surveyVersion, long surveyVersionId, String channel, String status, String language,
                          boolean preview, Long waveId, int answered, int applicable, Instant startedAt, Instant updatedAt,
                          Instant completedAt) {
    }

    /** An answer as stored: the parsed value, and what they typed or tapped ({@code rawText}). */
    public record Answer(UUID sessionId, String survey, int surveyVersion, String questionId, String questionType,
                         JsonNode value, String rawText, String language, String channel, List<String> ioiTags,
                         UUID mediaId, Long waveId, Instant answeredAt) {
    }

    /** A voice note, video or photo; {@code file} is its path in the zip, null when no file is kept. */
    public record Media(UUID id, String kind, String mimeType, Long sizeBytes, Integer durationSeconds, String status,
                        String sha256, Instant createdAt, Instant storedAt, Instant expiredAt, String file) {
    }

    public record Invitation(String survey, String language, String channel, Instant createdAt, Instant usedAt) {
    }

    public record WaveMembership(long waveId, String wave, String channel, String language, Instant invitedAt,
                                 int remindersSent, Instant lastReminderAt) {
    }

    /** An invitation, reminder or feedback message sent in a wave. */
    public record Contact(long waveId, String kind, Instant at) {
    }

    /** A message Stem sent them (its text until the retention schedule removes it). */
    public record Message(String channel, String status, String deliveryStatus, String text, Instant createdAt, Instant sentAt) {
    }
}
