package nl.stem.channel.whatsapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The WhatsApp columns of {@code channel_identities}. Plain JDBC, each call its own short
 * transaction, so the webhook can commit the 24-hour window before it answers and the sender can
 * read it from any thread.
 */
@ApplicationScoped
public class WhatsAppIdentities {
    static final String CHANNEL = "whatsapp";

    @Inject
    DataSource db;

    /** Records an inbound message at {@code at}; the window never moves backwards. No-op for unknown numbers. */
    public void touchInbound(String providerId, Instant at) {
        update("update channel_identities set last_inbound_at = greatest(coalesce(last_inbound_at, ?), ?) "
                + "where channel = '" + CHANNEL + "' and provider_id = ?", Timestamp.from(at), Timestamp.from(at), providerId);
    }

    /** The respondent opted out (STOP keyword via Twilio, error 21610): nothing more goes to them on WhatsApp. */
    public void optOut(String providerId, Instant at) {
        update("update channel_identities set unreachable_at = coalesce(unreachable_at, ?) "
                + "where channel = '" + CHANNEL + "' and provider_id = ?", Timestamp.from(at), providerId);
    }

    /** The respondent opted in again (Twilio's OptOutType=START). */
    public void optIn(String providerId) {
        update("update channel_identities set unreachable_at = null where channel = '" + CHANNEL + "' and provider_id = ?", providerId);
    }

    Recipient recipient(String providerId) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select ci.last_inbound_at, ci.unreachable_at, r.preferred_language "
                     + "from channel_identities ci left join respondents r on r.id = ci.respondent_id "
                     + "where ci.channel = '" + CHANNEL + "' and ci.provider_id = ?")) {
            ps.setString(1, providerId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Recipient.UNKNOWN;
                }
                return new Recipient(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)), rs.getString(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the WhatsApp identity", e);
        }
    }

    private void update(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update the WhatsApp identity", e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
