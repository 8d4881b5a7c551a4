package nl.stem.conversation;

import static nl.stem.worker.Jdbc.instant;
import static nl.stem.worker.Jdbc.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;


import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import nl.stem.db.Ids;
import nl.stem.media.MediaObject;
import nl.stem.media.MediaFiles;
import nl.stem.identity.IdentityStore;

/** Respondents and their identities: creation on first contact, and deletion of their data. */
@ApplicationScoped
public class RespondentData {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Sql sql;
    @Inject
    MediaFiles mediaFiles;
    @Inject
    TransactionSynchronizationRegistry tx;
    @Inject
    IdentityStore identities;

    /**
     * The respondent writing from a channel identity, created on first contact, locked for the rest
     * of the transaction ({@code FOR UPDATE}: one respondent's messages are handled one at a time),
     * and reachable again (someone who writes to us has unblocked the bot or opted in again). Two
     * first messages at once both insert; the unique key makes the second wait for the first and
     * then find (and lock) its row. Locks the respondent before touching the identity, in the same
     * order as erasure. Plain JDBC (every inbound message comes here): the returned respondent is not
     * managed by Hibernate, and {@link #saveChanges} writes what the conversation changed.
     */
    Respondent contact(String channel, String providerId, Instant now) {
        // A known, reachable identity: one statement.
        Respondent known = sql.run(c -> lockOne(c, """
                select r.id, r.preferred_language, r.consent_status, r.opted_out_at, r.member_id,
                       r.audio_prompts, r.attributes ->> 'audio' as audio_attribute
                from respondents r join channel_identities ci on ci.respondent_id = r.id
                where ci.channel = ? and ci.provider_id = ? and ci.unreachable_at is null
                for update of r""", channel, providerId));
        if (known != null) {
            return known;
        }
        return sql.run(c -> {
            UUID existing = identities.respondentOf(c, channel, providerId);
            if (existing == null) {
                UUID id = Ids.uuid();
                update(c, "insert into respondents (id, pseudonym, status, created_at, consent_status) values (?, ?, 'active', ?, 'unknown')",
                        id, newPseudonym(), now);
                if (identities.addIfAbsent(c, id, channel, providerId, now)) {
                    return lockOne(c, LOCK_BY_ID, id);
                }
                // Another first message from this identity won: use its respondent.
                update(c, "delete from respondents where id = ?", id);
                existing = identities.respondentOf(c, channel, providerId);
            }
            Respondent r = lockOne(c, LOCK_BY_ID, existing);
            identities.markReachable(channel, providerId);
            return r;
        });
    }

    /** Whether Stem knows this channel identity (without creating it, as {@link #contact} would). */
    boolean known(String channel, String providerId) {
        return sql.run(c -> identities.respondentOf(c, channel, providerId) != null);
    }

    private static final String LOCK_BY_ID =
            "select id, preferred_language, consent_status, opted_out_at, member_id, audio_prompts,"
            + " attributes ->> 'audio' as audio_attribute from respondents where id = ? for update";

    /** What the conversation may change about a respondent, as loaded, to write only real changes. */
    record Loaded(String preferredLanguage, String consentStatus, Instant optedOutAt, Boolean audioPrompts) {
        static Loaded of(Respondent r) {
            return new Loaded(r.preferredLanguage, r.consentStatus, r.optedOutAt, r.audioPrompts);
        }
    }

    /** Writes the language, consent, opt-out and audio choice of {@code r} when they differ from {@code loaded}. */
    void saveChanges(Respondent r, Loaded loaded) {
        if (!loaded.equals(Loaded.of(r))) {
            sql.run(c -> update(c, "update respondents set preferred_language = ?, consent_status = ?, opted_out_at = ?,"
                    + " audio_prompts = ? where id = ?", r.preferredLanguage, r.consentStatus, r.optedOutAt, r.audioPrompts, r.id));
        }
    }

    private static Respondent lockOne(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Respondent r = new Respondent();
                r.id = rs.getObject("id", UUID.class);
                r.preferredLanguage = rs.getString("preferred_language");
                r.consentStatus = rs.getString("consent_status");
                r.optedOutAt = instant(rs, "opted_out_at");
                r.memberId = rs.getString("member_id");
                boolean chosen = rs.getObject("audio_prompts") != null;
                r.audioPrompts = chosen ? rs.getBoolean("audio_prompts") : null;
                r.audioAttribute = rs.getString("audio_attribute");
                return r;
            }
        }
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
                // Checked again and deleted under each content's lock (another instance may be storing
                // the same content), in transactions of their own: off this thread, whose JTA
                // transaction has just completed and takes no new connection.
                CompletableFuture.runAsync(() -> mediaFiles.deleteUnreferenced(hashes)).join();
            }
        });
    }
}
