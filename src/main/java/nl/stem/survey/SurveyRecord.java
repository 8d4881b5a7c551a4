package nl.stem.survey;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A survey id; retiring it stops new sessions (versions stay, answers keep their version). */
@Entity
@Table(name = "surveys")
public class SurveyRecord extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "retired_at")
    public Instant retiredAt;
}
