package nl.stem.survey;

import java.time.Instant;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An immutable published version: the survey's source files verbatim (as {@link SurveySource}
 * JSON) and their checksum. A database trigger refuses updates.
 */
@Entity
@Table(name = "survey_versions")
public class SurveyVersionRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "survey_id", nullable = false)
    public String surveyId;
    @Column(nullable = false)
    public int version;
    @Column(nullable = false)
    public String checksum;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String sources;
    @Column(name = "published_by", nullable = false)
    public String publishedBy;
    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;
}
