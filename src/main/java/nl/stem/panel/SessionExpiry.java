package nl.stem.panel;

import java.sql.SQLException;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.outbox.OutboxStore;
import nl.stem.worker.Jdbc;

/**
 * Sessions waiting for input longer than {@code stem.panel.session-expiry} (18 hours) expire: for
 * response rates they end where they stopped, and the respondent's next message starts afresh (a
 * member's answers the newest open invitation). Preview sessions are left alone.
 */
@ApplicationScoped
public class SessionExpiry {

    @Inject
    DataSource ds;
    @Inject
    PanelConfig config;
    @Inject
    OutboxStore outbox;

    /** Expires what was quiet too long at {@code now}; returns how many sessions expired. */
    public int run(Instant now) throws SQLException {
        return Jdbc.inTransaction(ds, c -> Jdbc.update(c, "update sessions set status = 'expired' "
                + "where status in ('new', 'choosing_language', 'active', 'paused') and updated_at < ? and not preview",
                now.minus(config.sessionExpiry())));
    }

    /**
     * Deletes the messages that confirmed an erasure once they are sent or given up: they carry the
     * erased respondent's chat or number and no respondent id. Returns how many went.
     */
    public int purgeErasureConfirmations() throws SQLException {
        return outbox.purgeErasureConfirmations();
    }
}
