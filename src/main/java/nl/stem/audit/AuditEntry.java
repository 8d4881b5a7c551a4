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

    /** The same on a plain JDBC connection (for work outside a JTA transaction). */
    public static void record(java.sql.Connection c, Instant at, String actor, String action, String subject, String detailsJson)
            throws java.sql.SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement(
                "insert into audit_log (at, actor, action, subject, details) values (?, ?, ?, ?, cast(? as jsonb))")) {
            ps.setObject(1, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC));
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, subject);
            ps.setString(5, detailsJson);
            ps.executeUpdate();
        }
    }
}
