package nl.stem.panel.wave;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import nl.stem.conversation.PanelInvites;
import nl.stem.conversation.WaveInvite;

/**
 * A member's invitations as the conversation sees them, inside its transaction. A member's message
 * with no session under way answers their newest open invitation; so does "start" after a stop.
 */
@ApplicationScoped
public class WaveInvites implements PanelInvites {
    private final DataSource ds;
    private final WaveStore store;

    WaveInvites(DataSource ds, WaveStore store) {
        this.ds = ds;
        this.store = store;
    }

    /**
     * The newest invitation of an open wave that the member has not answered yet: no session in
     * the wave, or one that expired; with {@code explicitStart} (they said "start") also one they
     * stopped. Completed and consent-refused sessions close an invitation.
     */
    public Optional<WaveInvite> pending(UUID respondentId, Instant now, boolean explicitStart) {
        String statuses = explicitStart ? "('expired', 'stopped')" : "('expired')";
        List<?> rows = Panache.getEntityManager().createNativeQuery(
                        "select wm.wave_id, w.survey_version_id, wm.language from wave_members wm "
                                + "join waves w on w.id = wm.wave_id left join sessions s on s.id = wm.session_id "
                                + "where wm.respondent_id = ?1 and w.status = 'open' and wm.invited_at <= ?2 "
                                + "and (s.id is null or s.status in " + statuses + ") "
                                + "order by wm.invited_at desc, wm.wave_id desc limit 1")
                .setParameter(1, respondentId).setParameter(2, now).getResultList();
        return rows.stream().findFirst().map(WaveInvites::invite);
    }

    /** The member's open wave for {@code surveyId} (a Telegram deep link names the survey). */
    public Optional<WaveInvite> forSurvey(UUID respondentId, String surveyId) {
        List<?> rows = Panache.getEntityManager().createNativeQuery(
                        "select wm.wave_id, w.survey_version_id, wm.language from wave_members wm "
                                + "join waves w on w.id = wm.wave_id join survey_versions v on v.id = w.survey_version_id "
                                + "where wm.respondent_id = ?1 and w.status = 'open' and v.survey_id = ?2 "
                                + "order by wm.invited_at desc, wm.wave_id desc limit 1")
                .setParameter(1, respondentId).setParameter(2, surveyId).getResultList();
        return rows.stream().findFirst().map(WaveInvites::invite);
    }

    /** Records that the member's session in the wave is {@code sessionId} (the newest one counts). */
    public void attach(long waveId, UUID respondentId, UUID sessionId) {
        // On the transaction's connection, after Hibernate's pending changes (the new session row).
        Panache.getEntityManager().flush();
        try (Connection c = ds.getConnection()) {
            store.attach(c, waveId, respondentId, sessionId);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not attach the session to the wave", e);
        }
    }

    private static WaveInvite invite(Object row) {
        Object[] r = (Object[]) row;
        return new WaveInvite(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2]);
    }
}
