package nl.stem.audit;

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

/** Who did what and when: publish, retire, export, media download, token change, deletion. No personal data. */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public Instant at;
    @Column(nullable = false)
    public String actor;
    @Column(nullable = false)
    public String action;
    public String subject;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String details;

    public static void record(Instant at, String actor, String action, String subject, String detailsJson) {
        AuditEntry e = new AuditEntry();
        e.at = at;
        e.actor = actor;
        e.action = action;
        e.subject = subject;
        e.details = detailsJson;
        e.persist();
    }
}
