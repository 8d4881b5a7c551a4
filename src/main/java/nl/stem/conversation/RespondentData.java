package nl.stem.conversation;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import nl.stem.db.Ids;
import nl.stem.media.MediaObject;
import nl.stem.media.MediaStore;
import nl.stem.outbox.Reachability;

/** Respondents and their identities: creation on first contact, and deletion of their data. */
@ApplicationScoped
public class RespondentData {
    private static final Logger LOG = Logger.getLogger(RespondentData.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    MediaStore mediaStore;
    @Inject
    TransactionSynchronizationRegistry tx;
    @Inject
    Reachability reachability;

    /**
     * The respondent writing from a channel identity, created on first contact, locked for the rest
     * of the transaction ({@code FOR UPDATE}: one respondent's messages are handled one at a time),
     * and reachable again (someone who writes to us has unblocked the bot or opted in again). Two
     * first messages at once both insert; the unique key makes the second wait for the first and
     * then find (and lock) its row. Locks the respondent before touching the identity, in the same
     * order as erasure.
     */
    Respondent contact(String channel, String providerId, Instant now) {
        EntityManager em = Panache.getEntityManager();
        // The webhook's hot path: a known, reachable identity is one statement.
        @SuppressWarnings("unchecked")
        List<Respondent> known = em.createNativeQuery("""
                        select r.* from respondents r join channel_identities ci on ci.respondent_id = r.id
                        where ci.channel = ?1 and ci.provider_id = ?2 and ci.unreachable_at is null
                        for update of r""", Respondent.class)
                .setParameter(1, channel).setParameter(2, providerId).getResultList();
        if (!known.isEmpty()) {
            return known.get(0);
        }
        ChannelIdentity identity = ChannelIdentity.find(channel, providerId);
        if (identity != null) {
            Respondent r = Respondent.findById(identity.respondentId, LockModeType.PESSIMISTIC_WRITE);
            reachability.markReachable(channel, providerId);
            return r;
        }
        Respondent r = new Respondent();
        r.id = Ids.uuid();
        r.pseudonym = newPseudonym();
        r.status = "active";
        r.createdAt = now;
        r.persist();
        em.flush();
        List<?> inserted = em.createNativeQuery(
                        "insert into channel_identities (respondent_id, channel, provider_id, created_at) values (?1, ?2, ?3, ?4) "
                                + "on conflict (channel, provider_id) do nothing returning respondent_id")
                .setParameter(1, r.id).setParameter(2, channel).setParameter(3, providerId).setParameter(4, now)
                .getResultList();
        if (!inserted.isEmpty()) {
            return r;
        }
        r.delete();
        ChannelIdentity existing = ChannelIdentity.find(channel, providerId);
        Respondent winner = Respondent.findById(existing.respondentId, LockModeType.PESSIMISTIC_WRITE);
        reachability.markReachable(channel, providerId);
        return winner;
    }

    /** A pseudonymous id for exports: random, unrelated to any identity. */
    public static String newPseudonym() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return "R" + HexFormat.of().formatHex(b);
    }

    /** Deletes media rows now and their files after commit (a rollback keeps both). */
    public void deleteMedia(List<MediaObject> media) {
        List<String> candidates = media.stream().map(m -> m.sha256).filter(h -> h != null).distinct().toList();
        media.forEach(MediaObject::delete);
        Panache.getEntityManager().flush();
        // The same content may be another answer's too (content addressing): keep those files.
        List<String> hashes = candidates.stream().filter(h -> MediaObject.count("sha256", h) == 0).toList();
        if (hashes.isEmpty()) {
            return;
        }
        tx.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    return;
                }
                for (String h : hashes) {
                    try {
                        mediaStore.delete(h);
                    } catch (IOException e) {
                        LOG.warnf("Could not delete media file %s: %s", h, e.getMessage());
                    }
                }
            }
        });
    }
}
