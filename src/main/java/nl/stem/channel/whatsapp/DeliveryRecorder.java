package nl.stem.channel.whatsapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.outbox.OutboxStore;

/**
 * Records Twilio status callbacks on the outbox row that sent the message. The row is locked while
 * the ranks are compared, so two callbacks at once cannot move the status backwards.
 */
@ApplicationScoped
public class DeliveryRecorder {
    /** Free-form message outside the 24-hour window: resend as a template. */
    static final String OUTSIDE_WINDOW = "63016";
    /** The recipient opted out (or blocked the business). */
    static final String OPTED_OUT = "21610";

    @Inject
    DataSource db;
    @Inject
    OutboxStore outbox;

    /**
     * Applies one callback. Returns the recipient's WhatsApp address when the row was found, so the
     * caller can act on opt-outs; null for an unknown MessageSid (nothing recorded).
     */
    String record(String messageSid, DeliveryStatus status, String errorCode, Instant at) {
        DeliveryStatus effective = OUTSIDE_WINDOW.equals(errorCode) && status.isFinal() ? DeliveryStatus.NEEDS_TEMPLATE : status;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                String recipient = null;
                try (PreparedStatement ps = c.prepareStatement("select id, delivery_status, recipient from outbox "
                        + "where channel = ? and provider_message_id = ? for update")) {
                    ps.setString(1, WhatsAppIdentities.CHANNEL);
                    ps.setString(2, messageSid);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            recipient = rs.getString(3);
                            DeliveryStatus current = DeliveryStatus.parse(rs.getString(2)).orElse(null);
                            if (effective.replaces(current)) {
                                outbox.recordDelivery(c, rs.getLong(1), effective.dbValue(), errorCode, at);
                            }
                        }
                    }
                }
                c.commit();
                return recipient;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a delivery status", e);
        }
    }
}
