package nl.stem.conversation;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One stored answer, with the IoI tags, language and survey version it was given under. */
@Entity
@Table(name = "answers")
public class AnswerRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "session_id", nullable = false)
    public UUID sessionId;
    @Column(name = "respondent_id", nullable = false)
    public UUID respondentId;
    @Column(name = "survey_version_id", nullable = false)
    public Long surveyVersionId;
    @Column(name = "question_id", nullable = false)
    public String questionId;
    @Column(name = "question_type", nullable = false)
    public String questionType;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String value;
    @Column(name = "raw_text")
    public String rawText;
    @Column(nullable = false)
    public String language;
    @Column(nullable = false)
    public String channel;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "ioi_tags", nullable = false, columnDefinition = "text[]")
    public String[] ioiTags;
    @Column(name = "media_id")
    public UUID mediaId;
    /** The panel wave of the session, copied for per-wave counts. */
    @Column(name = "wave_id")
    public Long waveId;
    @Column(nullable = false)
    public boolean preview;
    @Column(name = "answered_at", nullable = false)
    public Instant answeredAt;
}
