package nl.stem.media;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A voice note, video or image answer. Created {@code pending} when the answer arrives; a worker
 * downloads it and marks it {@code stored} (with its SHA-256, the key in the MediaStore) or
 * {@code unavailable}. Preview uploads are stored at once.
 */
@Entity
@Table(name = "media_objects")
public class MediaObject extends PanacheEntityBase {
    public static final String PENDING = "pending";
    public static final String STORED = "stored";
    public static final String UNAVAILABLE = "unavailable";
    /** The file was deleted under the retention schedule; the row (kind, size, dates) stays for the answer. */
    public static final String EXPIRED = "expired";

    @Id
    public UUID id;
    @Column(name = "respondent_id", nullable = false)
    public UUID respondentId;
    @Column(nullable = false)
    public String channel;
    @Column(nullable = false)
    public String kind;
    @Column(name = "mime_type")
    public String mimeType;
    @Column(name = "size_bytes")
    public Long sizeBytes;
    @Column(name = "duration_seconds")
    public Integer durationSeconds;
    @Column(name = "provider_ref")
    public String providerRef;
    public String sha256;
    @Column(nullable = false)
    public String status;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "stored_at")
    public Instant storedAt;
}
