package nl.stem.media.prompt;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one writer of {@code prompt_audio}: each prompt file once, under its SHA-256, and the
 * Telegram {@code file_id} it got at its first upload. Plain JDBC on the pool's connection (the
 * enlisted one inside a transaction).
 */
@ApplicationScoped
public class PromptStore {
    /** 512 KB, as the table's check: the largest voice note WhatsApp shows as playable. */
    public static final int MAX_BYTES = 512 * 1024;

    private final DataSource ds;

    public PromptStore(DataSource ds) {
        this.ds = ds;
    }

    /** Keeps a prompt file (nothing happens when it is kept already); returns its SHA-256. */
    public String put(byte[] content, long durationMs, boolean synthetic, Instant now) {
        if (content.length > MAX_BYTES) {
            throw new IllegalArgumentException("a prompt may have at most " + MAX_BYTES + " bytes");
        }
        String sha = sha256(content);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into prompt_audio (sha256, content, duration_ms, synthetic, created_at) values (?, ?, ?, ?, ?)
                on conflict (sha256) do nothing""")) {
            ps.setString(1, sha);
            ps.setBytes(2, content);
            ps.setInt(3, (int) Math.min(Integer.MAX_VALUE, durationMs));
            ps.setBoolean(4, synthetic);
            ps.setTimestamp(5, Timestamp.from(now));
            ps.executeUpdate();
            return sha;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not keep a prompt file", e);
        }
    }

    /** The file's bytes, or empty when no prompt has this hash. */
    public Optional<byte[]> content(String sha256) {
        return one("select content from prompt_audio where sha256 = ?", sha256).map(v -> (byte[]) v);
    }

    /** Whether a prompt with this hash is kept. */
    public boolean has(String sha256) {
        return one("select 1 from prompt_audio where sha256 = ?", sha256).isPresent();
    }

    /** The file_id Telegram gave the file at its first upload, if it was uploaded. */
    public Optional<String> telegramFileId(String sha256) {
        return one("select telegram_file_id from prompt_audio where sha256 = ? and telegram_file_id is not null", sha256)
                .map(String::valueOf);
    }

    /** Remembers Telegram's file_id, so the next sendVoice sends the id instead of the file. */
    public void rememberTelegramFileId(String sha256, String fileId) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("update prompt_audio set telegram_file_id = ? where sha256 = ?")) {
            ps.setString(1, fileId);
            ps.setString(2, sha256);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not remember a Telegram file_id", e);
        }
    }

    /** The first column of the row for {@code sha256}; empty for no row or a malformed hash. */
    private Optional<Object> one(String sql, String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getObject(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a prompt", e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
