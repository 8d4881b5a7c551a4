package nl.stem.channel.whatsapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import nl.stem.engine.Outbound;
import nl.stem.identity.IdentityStore;
import nl.stem.outbox.FailureReason;
import nl.stem.outbox.OutboxStore;

/**
 * Records Twilio status callbacks on the outbox row that sent the message. The row is locked while
 * the ranks are compared, so two callbacks at once cannot move the status backwards. A failure with
 * a code Stem acts on ({@link TwilioErrors}) gets its outcome here: 63016 on a panel message sends it
 * again as the template, 63049 and 63018 send it again later with a growing delay (a bounded number
 * of times), 63024, 21211, 63032 and 21610 mark the number unreachable, and 30003-30008 are recorded
 * with their reason.
 */
@ApplicationScoped
public class DeliveryRecorder {
    private final DataSource db;
    private final OutboxStore outbox;
    private final IdentityStore identities;
    private final WhatsAppSender sender;
    private final WhatsAppIdentities recipients;
    private final TwilioConfig config;
    private final ObjectMapper json;

    DeliveryRecorder(DataSource db, OutboxStore outbox, IdentityStore identities, WhatsAppSender sender, WhatsAppIdentities recipients,
                     TwilioConfig config, ObjectMapper json) {
        this.db = db;
        this.outbox = outbox;
        this.identities = identities;
        this.sender = sender;
        this.recipients = recipients;
        this.config = config;
        this.json = json;
    }

    /**
     * Applies one callback. Returns the recipient's WhatsApp address when the row was found; null for
     * an unknown MessageSid (nothing recorded).
     */
    String record(String messageSid, DeliveryStatus status, String errorCode, Instant at) {
        int code = TwilioErrors.parse(errorCode);
        boolean failed = status.isFinal() && code > 0;
        DeliveryStatus effective = code == TwilioErrors.OUTSIDE_WINDOW && status.isFinal() ? DeliveryStatus.NEEDS_TEMPLATE : status;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                String recipient = null;
                try (PreparedStatement ps = c.prepareStatement("select id, delivery_status, recipient, payload::text, send_as_template, "
                        + "deferrals, status from outbox where channel = ? and provider_message_id = ? for update")) {
                    ps.setString(1, WhatsAppIdentities.CHANNEL);
                    ps.setString(2, messageSid);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long id = rs.getLong(1);
                            recipient = rs.getString(3);
                            DeliveryStatus current = DeliveryStatus.parse(rs.getString(2)).orElse(null);
                            if (!effective.replaces(current)) {
                                continue;
                            }
                            if (failed && "sent".equals(rs.getString(7))
                                    && again(c, id, code, recipient, rs.getString(4), rs.getBoolean(5), rs.getInt(6), at)) {
                                continue;
                            }
                            String reason = failed ? TwilioErrors.reason(code).map(r -> r.with(Integer.toString(code))).orElse(null) : null;
                            outbox.recordDelivery(c, id, effective.dbValue(), errorCode, reason, at);
                            if (failed && (TwilioErrors.cannotReceive(code) || code == TwilioErrors.OPTED_OUT)) {
                                identities.markUnreachable(c, WhatsAppIdentities.CHANNEL, recipient, at);
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

    /** Queues the message again where its failure says so; true when it was. */
    private boolean again(Connection c, long id, int code, String recipient, String payload, boolean asTemplate, int deferrals, Instant at)
            throws SQLException {
        if (code == TwilioErrors.OUTSIDE_WINDOW) {
            if (asTemplate || !panelTemplateExists(payload, recipient)) {
                return false;
            }
            outbox.requeueDelivered(c, id, at, "window closed (Twilio 63016): sent again as the template",
                    FailureReason.NEEDS_TEMPLATE.code(), true);
            return true;
        }
        if (code == TwilioErrors.SUPPRESSED && deferrals < config.suppressedMaxRetries()) {
            outbox.requeueDelivered(c, id, at.plus(WhatsAppSender.growing(config.suppressedRetryDelay(), deferrals)),
                    "Meta chose not to deliver the marketing template (Twilio 63049)", FailureReason.SUPPRESSED.code(), false);
            return true;
        }
        if (code == TwilioErrors.RATE_LIMITED && deferrals < config.rateLimitedMaxRetries()) {
            outbox.requeueDelivered(c, id, at.plus(WhatsAppSender.growing(config.rateLimitedRetryDelay(), deferrals)),
                    "rate or messaging limit exceeded (Twilio 63018)", FailureReason.RATE_LIMITED.code(), false);
            return true;
        }
        return false;
    }

    private boolean panelTemplateExists(String payload, String recipient) {
        try {
            JsonNode tree = json.readTree(payload);
            Outbound outbound = json.treeToValue(tree, Outbound.class);
            if (outbound.kind() != Outbound.Kind.INVITATION) {
                return false;
            }
            Optional<String> sid = sender.templateSid(PanelTemplate.of(tree, outbound).name(), recipients.recipient(recipient).language());
            return sid.isPresent();
        } catch (Exception e) {
            return false;
        }
    }
}
