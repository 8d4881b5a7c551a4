package nl.stem.panel.member;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import nl.stem.audit.AuditEntry;
import nl.stem.conversation.AnswerRecord;
import nl.stem.conversation.ChannelIdentity;
import nl.stem.conversation.Respondent;
import nl.stem.conversation.RespondentData;
import nl.stem.conversation.RespondentErasure;
import nl.stem.conversation.SessionRecord;
import nl.stem.media.MediaObject;
import nl.stem.outbox.OutboxMessage;

/**
 * The right to erasure: everything about one respondent goes, in the caller's transaction. Their
 * answers, media rows and files (after commit; a file whose content another respondent's answer
 * also has stays), sessions, channel identities, invitations, wave memberships, contact log,
 * outbox rows (also rows addressed to their chat or number without a respondent id) and the
 * respondent row itself. What remains is one audit record that says a respondent was erased, by
 * whom, and nothing that points to them. Example:
 * <pre>
 * erasure.erase(respondentId, "coordinator-utrecht", now);   // DELETE /api/members/{memberId}
 * erasure.erase(respondentId, Erasure.RESPONDENT, now);      // "delete my data", confirmed in the chat
 * </pre>
 * gives the audit record {@code respondent.erase} with details {@code {"by":"coordinator"}} or
 * {@code {"by":"respondent"}} ({@code {"by":"retention"}} for preview respondents the retention
 * schedule erases). Earlier audit records whose subject was their pseudonym or member id (an access,
 * a record download) keep what was done and when, without the subject.
 * <p>
 * Afterwards the respondent's entities ({@link Respondent}, sessions, answers, identities, outbox
 * messages) are detached from the persistence context: changes made to them later in the same
 * transaction are not saved, so a caller that still holds them does not write to deleted rows.
 * A message queued afterwards (a confirmation) must not refer to the deleted respondent's id.
 */
@ApplicationScoped
public class Erasure implements RespondentErasure {
    /** The actor when the respondent asked for it themselves (in a conversation). */
    public static final String RESPONDENT = RespondentErasure.RESPONDENT;
    /** The actor when the retention schedule erased a preview respondent. */
    public static final String RETENTION = "retention";
    static final String ACTION = "respondent.erase";

    @Inject
    RespondentData respondentData;

    /** Erases the respondent; false (and no audit record) when there is no such respondent. */
    @Override
    @Transactional
    public boolean erase(UUID respondentId, String actor, Instant now) {
        EntityManager em = Panache.getEntityManager();
        // The caller's pending changes are written first, so nothing is written to the deleted rows afterwards.
        em.flush();
        List<?> found = em.createNativeQuery("select cast(id as text) from respondents where id = ?1 for update")
                .setParameter(1, respondentId).getResultList();
        if (found.isEmpty()) {
            return false;
        }
        // Audit records of what was done with their data (an access, a download) stay, no longer saying whose.
        em.createNativeQuery("""
                update audit_log set subject = null
                where subject in (select pseudonym from respondents where id = ?1
                                  union all select member_id from respondents where id = ?1 and member_id is not null)""")
                .setParameter(1, respondentId).executeUpdate();
        respondentData.deleteMedia(MediaObject.list("respondentId", respondentId));
        em.createNativeQuery("""
                delete from outbox o using channel_identities ci
                where ci.respondent_id = ?1 and o.channel = ci.channel and o.recipient = ci.provider_id""")
                .setParameter(1, respondentId).executeUpdate();
        for (String table : List.of("panel_contacts", "wave_members", "outbox", "invitations", "consent_records", "answers", "sessions",
                "channel_identities")) {
            em.createNativeQuery("delete from " + table + " where respondent_id = ?1").setParameter(1, respondentId)
                    .executeUpdate();
        }
        em.createNativeQuery("delete from respondents where id = ?1").setParameter(1, respondentId).executeUpdate();
        forget(em, respondentId);
        String by = RESPONDENT.equals(actor) || RETENTION.equals(actor) ? actor : "coordinator";
        AuditEntry.record(now, actor, ACTION, null, "{\"by\":\"" + by + "\"}");
        return true;
    }

    /** Detaches the managed entities of the erased respondent. */
    private static void forget(EntityManager em, UUID respondentId) {
        List<Object> theirs = new ArrayList<>();
        for (Map.Entry<Object, EntityEntry> e : em.unwrap(SessionImplementor.class).getPersistenceContextInternal()
                .reentrantSafeEntityEntries()) {
            if (belongsTo(e.getKey(), respondentId)) {
                theirs.add(e.getKey());
            }
        }
        theirs.forEach(em::detach);
    }

    private static boolean belongsTo(Object entity, UUID id) {
        if (entity instanceof Respondent r) {
            return id.equals(r.id);
        }
        if (entity instanceof SessionRecord s) {
            return id.equals(s.respondentId);
        }
        if (entity instanceof AnswerRecord a) {
            return id.equals(a.respondentId);
        }
        if (entity instanceof ChannelIdentity c) {
            return id.equals(c.respondentId);
        }
        if (entity instanceof OutboxMessage o) {
            return id.equals(o.respondentId);
        }
        return entity instanceof MediaObject m && id.equals(m.respondentId);
    }
}
