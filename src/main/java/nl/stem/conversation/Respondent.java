package nl.stem.conversation;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A panel member or anonymous respondent, known in data and exports only by a pseudonym. */
@Entity
@Table(name = "respondents")
public class Respondent extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false, unique = true)
    public String pseudonym;
    @Column(name = "preferred_language")
    public String preferredLanguage;
    @Column(nullable = false)
    public String status;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** {@code unknown}, {@code given} or {@code refused}: the answer to a survey's consent question. */
    @Column(name = "consent_status", nullable = false)
    public String consentStatus = "unknown";
    /** When they said STOP; no invitations or reminders until they start a survey again. */
    @Column(name = "opted_out_at")
    public Instant optedOutAt;
    /** The coordinator's member id for a panel member; null for someone who found the bot themselves. */
    @Column(name = "member_id")
    public String memberId;

    /** The respondent's own choice for questions read aloud; null while they have made none. */
    @Column(name = "audio_prompts")
    public Boolean audioPrompts;

    /** A panel member's {@code audio} attribute as the coordinator enrolled it ("off", "on", ...), or null; not stored here. */
    @jakarta.persistence.Transient
    public String audioAttribute;

    /**
     * Whether questions are read aloud for this respondent: their own choice, else their member
     * attribute {@code audio} ({@code off}, {@code no}, {@code false}, {@code 0}, {@code uit}, {@code nee}
     * switch it off), else the default (null: on wherever the survey has a prompt).
     */
    public Boolean audio() {
        if (audioPrompts != null) {
            return audioPrompts;
        }
        if (audioAttribute == null || audioAttribute.isBlank()) {
            return null;
        }
        String a = audioAttribute.strip().toLowerCase(java.util.Locale.ROOT);
        return !java.util.Set.of("off", "no", "false", "0", "uit", "nee").contains(a);
    }
}
