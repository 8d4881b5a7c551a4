package nl.stem.results;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.panel.wave.ResultsLinks;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.audit.AuditEntry;
import nl.stem.config.StemConfig;

/**
 * Publishing a wave's results behind an unguessable link, and revoking it. At most one live link
 * per wave (a unique index says so, across instances); publishing again while one is live gives
 * the same link. A revoked link is gone for good: publishing afterwards makes a new one.
 */
@ApplicationScoped
public class Publications implements ResultsLinks {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{32,64}");

    @Inject
    DataSource db;
    @Inject
    StemConfig config;
    @Inject
    Clock clock;

    /** Publishes wave {@code waveId} (404 when there is none), or gives its live link. Audited. */
    public Publication publish(long waveId, String actor) {
        try (Connection c = db.getConnection()) {
            requireWave(c, waveId);
            Optional<Publication> live = live(c, waveId);
            if (live.isPresent()) {
                return live.get();
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Timestamp now = Timestamp.from(clock.instant());
            try (PreparedStatement ps = c.prepareStatement("insert into result_publications (wave_id, token, published_by, published_at) "
                    + "values (?, ?, ?, ?) on conflict do nothing")) {
                ps.setLong(1, waveId);
                ps.setString(2, token);
                ps.setString(3, actor);
                ps.setTimestamp(4, now);
                if (ps.executeUpdate() == 0) {
                    // Another request published it at the same moment: theirs is the live one.
                    return live(c, waveId).orElseThrow();
                }
            }
            AuditEntry.record(c, clock.instant(), actor, "results.publish", "wave:" + waveId, null);
            return live(c, waveId).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot publish the results of wave " + waveId, e);
        }
    }

    /** Revokes wave {@code waveId}'s live link; 404 when it has none. Audited. */
    public void revoke(long waveId, String actor) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("update result_publications set revoked_at = ? where wave_id = ? and revoked_at is null")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setLong(2, waveId);
            if (ps.executeUpdate() == 0) {
                throw new StemException(ErrorCode.NOT_PUBLISHED, "Wave " + waveId + " has no public results");
            }
            AuditEntry.record(c, clock.instant(), actor, "results.revoke", "wave:" + waveId, null);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot revoke the results of wave " + waveId, e);
        }
    }

    @Override
    public Optional<String> liveUrl(long waveId) {
        return live(waveId).map(Publication::url);
    }

    /** The wave's live link, if it has one. */
    public Optional<Publication> live(long waveId) {
        try (Connection c = db.getConnection()) {
            return live(c, waveId);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the publication of wave " + waveId, e);
        }
    }

    /** The wave a live link opens; empty for a malformed, unknown or revoked token (the caller answers 404 alike). */
    public Optional<Long> wave(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select wave_id from result_publications where token = ? and revoked_at is null")) {
            ps.setString(1, token);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read a publication", e);
        }
    }

    private Optional<Publication> live(Connection c, long waveId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select token, published_by, published_at from result_publications "
                + "where wave_id = ? and revoked_at is null")) {
            ps.setLong(1, waveId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String token = rs.getString(1);
                return Optional.of(new Publication(waveId, token, url(token), rs.getString(2), rs.getTimestamp(3).toInstant()));
            }
        }
    }

    /** The public page of {@code token}: under {@code stem.public-url} when set, else a path. */
    String url(String token) {
        String base = config.publicUrl().map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).orElse("");
        return base + "/results/" + token;
    }

    private static void requireWave(Connection c, long waveId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from waves where id = ?")) {
            ps.setLong(1, waveId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StemException(ErrorCode.WAVE_NOT_FOUND, "No wave with id " + waveId);
                }
            }
        }
    }
}
