package nl.stem.outbox;

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

/**
 * A message waiting to be sent (or sent), written in the same transaction as the answer that caused
 * it. {@code payload} is the engine's Outbound as JSON; {@code priority} 0 = replies, 10 = bulk.
 */
@Entity
@Table(name = "outbox")
public class OutboxMessage extends PanacheEntityBase {
    public static final int PRIORITY_REPLY = 0;
    public static final int PRIORITY_BULK = 10;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public String channel;
    @Column(name = "respondent_id")
    public UUID respondentId;
    @Column(nullable = false)
    public String recipient;
    @Column(nullable = false)
    public int priority;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String payload;
    @Column(nullable = false)
    public String status;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;
    @Column(name = "idempotency_key", nullable = false, unique = true)
    public UUID idempotencyKey;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "provider_message_id")
    public String providerMessageId;
    @Column(name = "last_error")
    public String lastError;
    /** The provider said the window had closed (63016): send the template. */
    @Column(name = "send_as_template", nullable = false)
    public boolean sendAsTemplate;
    /** How often the provider deferred it (63049, 63018). */
    @Column(nullable = false)
    public int deferrals;
}
