package nl.stem.conversation;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A respondent's pass through one survey version; {@code state} is the engine's SessionState as JSON. */
@Entity
@Table(name = "sessions")
public class SessionRecord extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "respondent_id", nullable = false)
    public UUID respondentId;
    @Column(name = "survey_version_id", nullable = false)
    public Long surveyVersionId;
    @Column(nullable = false)
    public String channel;
    @Column(nullable = false)
    public String status;
    public String language;
    @Column(name = "current_question")
    public String currentQuestion;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String state;
    @Column(nullable = false)
    public boolean preview;
    @Column(name = "started_at", nullable = false)
    public Instant startedAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    /** The panel wave this session answers, or null. */
    @Column(name = "wave_id")
    public Long waveId;
    /** Questions answered (not skipped) so far. */
    @Column(nullable = false)
    public int answered;
    /** Questions the respondent was or will be routed to, given their answers so far. */
    @Column(nullable = false)
    public int applicable;
}
