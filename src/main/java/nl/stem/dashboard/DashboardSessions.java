package nl.stem.dashboard;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.api.auth.TokenHashes;

/**
 * Dashboard logins: a random session id lives only in the browser's cookie; {@code dashboard_sessions}
 * keeps its SHA-256, the token it was opened with and when it expires. A session ends when it
 * expires, at logout, or when its token is revoked. Example: {@code String id = sessions.open(12);}
 * then {@code sessions.resolve(id)} gives the token's name and role until {@code sessions.close(id)}.
 */
@ApplicationScoped
public class DashboardSessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    DataSource db;
    @Inject
    DashboardConfig config;
    @Inject
    Clock clock;

    /** Opens a session for an API token and gives its id (43 characters of base64url); drops expired sessions. */
    public String open(long tokenId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("delete from dashboard_sessions where expires_at <= ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into dashboard_sessions (id_hash, token_id, created_at, expires_at) values (?, ?, ?, ?)")) {
                ps.setString(1, TokenHashes.hash(id));
                ps.setLong(2, tokenId);
                ps.setTimestamp(3, Timestamp.from(now));
                ps.setTimestamp(4, Timestamp.from(now.plus(config.sessionTtl())));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open a dashboard session", e);
        }
        return id;
    }

    /**
     * The login behind a session id, if it has not expired and its token is not revoked. A session used
     * in the second half of its lifetime is renewed for another {@code stem.dashboard.session-ttl}.
     */
    public Optional<DashboardLogin> resolve(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            return Optional.empty();
        }
        String hash = TokenHashes.hash(id);
        Instant now = clock.instant();
        Duration ttl = config.sessionTtl();
        try (Connection c = db.getConnection()) {
            DashboardLogin login;
            Instant expires;
            try (PreparedStatement ps = c.prepareStatement("""
                    select t.id, t.name, t.role, d.expires_at
                    from dashboard_sessions d
                    join api_tokens t on t.id = d.token_id
                    where d.id_hash = ? and d.expires_at > ? and t.revoked_at is null
                    """)) {
                ps.setString(1, hash);
                ps.setTimestamp(2, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    login = new DashboardLogin(rs.getLong(1), rs.getString(2), rs.getString(3));
                    expires = rs.getTimestamp(4).toInstant();
                }
            }
            if (expires.isBefore(now.plus(ttl.dividedBy(2)))) {
                try (PreparedStatement ps = c.prepareStatement("update dashboard_sessions set expires_at = ? where id_hash = ?")) {
                    ps.setTimestamp(1, Timestamp.from(now.plus(ttl)));
                    ps.setString(2, hash);
                    ps.executeUpdate();
                }
            }
            return Optional.of(login);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up a dashboard session", e);
        }
    }

    /** Ends a session (logout); unknown ids are ignored. */
    public void close(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            return;
        }
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from dashboard_sessions where id_hash = ?")) {
            ps.setString(1, TokenHashes.hash(id));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot end a dashboard session", e);
        }
    }
}
