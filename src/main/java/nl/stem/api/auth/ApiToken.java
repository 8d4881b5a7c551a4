package nl.stem.api.auth;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A role token for the API. Only its SHA-256 is stored; revoked tokens stay for the record. */
@Entity
@Table(name = "api_tokens")
public class ApiToken extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String role;
    @Column(name = "token_hash", nullable = false, unique = true)
    public String tokenHash;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
