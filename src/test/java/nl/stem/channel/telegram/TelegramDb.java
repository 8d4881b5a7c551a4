package nl.stem.channel.telegram;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Small queries the Telegram tests check the database with. */
final class TelegramDb {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DataSource db;

    TelegramDb(DataSource db) {
        this.db = db;
    }

    /** Polls {@code sql} (one parameter: the chat) for up to 20 s until it returns {@code expected}; returns the last value. */
    String await(String sql, String chat, String expected) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        String value = string(sql, chat);
        while (!expected.equals(value) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            value = string(sql, chat);
        }
        return value;
    }

    long count(String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    String string(String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The current question of the chat's latest session. */
    String currentQuestion(TelegramUser u) throws SQLException {
        return string("select s.current_question from sessions s join channel_identities ci on ci.respondent_id = s.respondent_id "
                + "where ci.channel = 'telegram' and ci.provider_id = ? order by s.started_at desc limit 1", u.chat());
    }

    String sessionStatus(TelegramUser u) throws SQLException {
        return string("select s.status from sessions s join channel_identities ci on ci.respondent_id = s.respondent_id "
                + "where ci.channel = 'telegram' and ci.provider_id = ? order by s.started_at desc limit 1", u.chat());
    }

    long answers(TelegramUser u, String questionId) throws SQLException {
        return count("select count(*) from answers a join channel_identities ci on ci.respondent_id = a.respondent_id "
                + "where ci.channel = 'telegram' and ci.provider_id = ? and a.question_id = ?", u.chat(), questionId);
    }

    long outbox(TelegramUser u) throws SQLException {
        return count("select count(*) from outbox where channel = 'telegram' and recipient = ?", u.chat());
    }

    /** The Outbound payloads queued for the chat, oldest first. */
    List<JsonNode> outboxPayloads(TelegramUser u) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select payload::text from outbox where channel = 'telegram' and recipient = ? order by id")) {
            ps.setString(1, u.chat());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(JSON.readTree(rs.getString(1)));
                }
            }
        }
        return out;
    }

    boolean identityExists(TelegramUser u) throws SQLException {
        return count("select count(*) from channel_identities where channel = 'telegram' and provider_id = ?", u.chat()) > 0;
    }

    boolean inboundExists(int updateId) throws SQLException {
        return count("select count(*) from inbound_messages where channel = 'telegram' and provider_message_id = ?", String.valueOf(updateId)) > 0;
    }
}
