package nl.stem.identity;

import static nl.stem.worker.Jdbc.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import nl.stem.worker.Jdbc;

/**
 * The one writer of {@code channel_identities}: how a respondent is reached on a channel (a chat id,
 * a phone number), whether they can be reached, and WhatsApp's 24-hour window. Plain JDBC. The
 * methods that take a {@link Connection} run on the caller's (its transaction); the others take one
 * from the pool, which inside a JTA transaction is the enlisted one, and otherwise commit on their own.
 * Reading an identity in a join stays with the reader's query; writing it comes here.
 */
@ApplicationScoped
public class IdentityStore {
    private final DataSource ds;

    public IdentityStore(DataSource ds) {
        this.ds = ds;
    }

    /**
     * Adds the identity on first contact; false when it exists already (another first message from
     * the same chat won the race, the unique key decided).
     */
    public boolean addIfAbsent(Connection c, UUID respondentId, String channel, String providerId, Instant now) throws SQLException {
        return update(c, """
                insert into channel_identities (respondent_id, channel, provider_id, created_at) values (?, ?, ?, ?)
                on conflict (channel, provider_id) do nothing""", respondentId, channel, providerId, now) == 1;
    }

    /** Gives the identity to {@code respondentId}, whoever had it (a Telegram invitation claimed from this chat). */
    public void link(Connection c, UUID respondentId, String channel, String providerId, Instant now) throws SQLException {
        update(c, """
                insert into channel_identities (respondent_id, channel, provider_id, created_at) values (?, ?, ?, ?)
                on conflict (channel, provider_id) do update set respondent_id = excluded.respondent_id""",
                respondentId, channel, providerId, now);
    }

    /** The respondent this identity belongs to, or null. */
    public UUID respondentOf(Connection c, String channel, String providerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select respondent_id from channel_identities where channel = ? and provider_id = ?")) {
            ps.setString(1, channel);
            ps.setString(2, providerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
    }

    /** The respondent's identities on the channel (a Telegram invitation may be claimed only from one of them). */
    public List<String> providerIds(Connection c, UUID respondentId, String channel) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select provider_id from channel_identities where respondent_id = ? and channel = ?")) {
            ps.setObject(1, respondentId);
            ps.setString(2, channel);
            List<String> out = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    /**
     * The member import's WhatsApp numbers, set-based from its staging table {@code member_import}
     * (columns respondent_id, provider_id, existing): numbers a member no longer has go first, so two
     * members may swap numbers in one file; then every number in the file is given to its member.
     */
    public void importWhatsAppNumbers(Connection c, Instant now) throws SQLException {
        update(c, """
                delete from channel_identities ci using member_import s
                where s.existing and ci.respondent_id = s.respondent_id and ci.channel = 'whatsapp'
                  and ci.provider_id is distinct from s.provider_id""");
        update(c, """
                insert into channel_identities (respondent_id, channel, provider_id, created_at)
                select respondent_id, 'whatsapp', provider_id, ? from member_import where provider_id is not null
                on conflict (channel, provider_id) do update set respondent_id = excluded.respondent_id
                where channel_identities.respondent_id <> excluded.respondent_id""", now);
    }

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

    /** Marks the recipient unreachable (blocked the bot, opted out); nothing more is sent to them. Keeps an earlier mark. */
    public void markUnreachable(String channel, String recipient, Instant now) {
        run(c -> markUnreachable(c, channel, recipient, now));
    }

    /** {@link #markUnreachable(String, String, Instant)} in the caller's transaction. */
    public int markUnreachable(Connection c, String channel, String recipient, Instant now) throws SQLException {
        return update(c, "update channel_identities set unreachable_at = ? where channel = ? and provider_id = ? and unreachable_at is null",
                now, channel, recipient);
    }

    /** Clears the unreachable mark: the respondent wrote to us again on this channel (or opted in again). */
    public void markReachable(String channel, String recipient) {
        run(c -> update(c, "update channel_identities set unreachable_at = null where channel = ? and provider_id = ? "
                + "and unreachable_at is not null", channel, recipient));
    }

    /** Records a WhatsApp inbound message at {@code at}; the 24-hour window never moves backwards. No-op for unknown numbers. */
    public void touchInbound(String channel, String providerId, Instant at) {
        run(c -> update(c, "update channel_identities set last_inbound_at = greatest(coalesce(last_inbound_at, ?), ?) "
                + "where channel = ? and provider_id = ?", at, at, channel, providerId));
    }

    /** The last inbound message of each of these identities on {@code channel} (missing: never wrote, or unknown). */
    public java.util.Map<String, Instant> lastInbound(Connection c, String channel, java.util.Collection<String> providerIds) throws SQLException {
        java.util.Map<String, Instant> out = new java.util.HashMap<>();
        if (providerIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("select provider_id, last_inbound_at from channel_identities "
                + "where channel = ? and provider_id = any(?) and last_inbound_at is not null")) {
            ps.setString(1, channel);
            ps.setArray(2, c.createArrayOf("text", providerIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }
            }
        }
        return out;
    }

    private void run(Jdbc.Work<?> work) {
        try (Connection c = ds.getConnection()) {
            work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update the channel identity", e);
        }
    }
}
