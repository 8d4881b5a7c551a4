package nl.stem.conversation;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How a respondent is reached on a channel (chat id, phone number): kept apart from answers, never exported. */
@Entity
@Table(name = "channel_identities")
public class ChannelIdentity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "respondent_id", nullable = false)
    public UUID respondentId;
    @Column(nullable = false)
    public String channel;
    @Column(name = "provider_id", nullable = false)
    public String providerId;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static ChannelIdentity find(String channel, String providerId) {
        return find("channel = ?1 and providerId = ?2", channel, providerId).firstResult();
    }
}
