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
import nl.stem.identity.Channel;

/**
 * The WhatsApp columns of {@code channel_identities} as the sender reads them (the 24-hour window,
 * the opt-out, the language). Plain JDBC, so the sender can read from any thread; the writes are
 * {@link nl.stem.identity.IdentityStore}'s.
 */
@ApplicationScoped
public class WhatsAppIdentities {
    static final String CHANNEL = Channel.WHATSAPP.id();

    @Inject
    DataSource db;

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

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
