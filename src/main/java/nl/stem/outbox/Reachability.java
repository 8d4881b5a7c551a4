package nl.stem.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Whether a channel identity can be messaged. The outbox sender marks an identity unreachable when
 * its provider says the recipient blocked the bot or opted out; the conversation service asks
 * before queueing and clears the mark when the respondent writes again (they unblocked the bot).
 * Joins the caller's transaction when there is one.
 */
@ApplicationScoped
public class Reachability {

    @Inject
    DataSource ds;

    /** True when the recipient blocked the bot or opted out on this channel and has not written since. */
    public boolean isUnreachable(String channel, String recipient) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select 1 from channel_identities where channel = ? and provider_id = ? and unreachable_at is not null")) {
            ps.setString(1, channel);
            ps.setString(2, recipient);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read channel identity reachability", e);
        }
    }

    /** Marks the recipient unreachable (blocked the bot, opted out); nothing more is sent to them. */
    public void markUnreachable(String channel, String recipient, java.time.Instant now) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "update channel_identities set unreachable_at = ? where channel = ? and provider_id = ? and unreachable_at is null")) {
            ps.setObject(1, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
            ps.setString(2, channel);
            ps.setString(3, recipient);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update channel identity reachability", e);
        }
    }

    /** Clears the unreachable mark: the respondent wrote to us again on this channel. */
    public void markReachable(String channel, String recipient) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "update channel_identities set unreachable_at = null where channel = ? and provider_id = ? and unreachable_at is not null")) {
            ps.setString(1, channel);
            ps.setString(2, recipient);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update channel identity reachability", e);
        }
    }
}
