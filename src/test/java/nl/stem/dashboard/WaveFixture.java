package nl.stem.dashboard;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Builds a wave and its members straight in SQL, the way the panel code leaves them: respondents,
 * invitation messages with their delivery status, Telegram links, sessions with their progress and
 * answers. Example:
 * <pre>
 * WaveFixture wave = WaveFixture.create(db, "veiligheid_en_stabiliteit", "spring");
 * wave.member().whatsapp("ar").invite("sent", "read").session("completed", 6, 6, null).took(Duration.ofMinutes(10))
 *     .answers("consent", "safe_area").mediaAnswer("safer").add();
 * </pre>
 */
final class WaveFixture {
    /** When every member of a fixture wave is invited. */
    static final Instant INVITED = Instant.parse("2026-03-02T09:00:00Z");

    final DataSource db;
    final long waveId;
    final long versionId;
    final String surveyId;

    private WaveFixture(DataSource db, long waveId, long versionId, String surveyId) {
        this.db = db;
        this.waveId = waveId;
        this.versionId = versionId;
        this.surveyId = surveyId;
    }

    /** A new open wave on the newest published version of {@code surveyId}. */
    static WaveFixture create(DataSource db, String surveyId, String name) {
        try (Connection c = db.getConnection()) {
            long version;
            try (PreparedStatement ps = c.prepareStatement(
                    "select id from survey_versions where survey_id = ? order by version desc limit 1")) {
                ps.setString(1, surveyId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("survey " + surveyId + " is not published");
                    }
                    version = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into waves (name, survey_version_id, status, invite_at, created_by, created_at) "
                    + "values (?, ?, 'open', ?, 'fixture', now()) returning id")) {
                ps.setString(1, name);
                ps.setLong(2, version);
                ps.setTimestamp(3, Timestamp.from(INVITED));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new WaveFixture(db, rs.getLong(1), version, surveyId);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Member member() {
        return new Member();
    }

    /** Runs one statement on the fixture's database (for edits a test makes after building). */
    void sql(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One member of the wave, written by {@link #add()}. */
    final class Member {
        private String channel = "telegram";
        private String language = "nl";
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private Instant invitedAt = INVITED;
        private Instant optedOutAt;
        private String outboxStatus;
        private String deliveryStatus;
        private Boolean linkOpened;
        private boolean unreachable;
        private String sessionStatus;
        private int answered;
        private int applicable;
        private String currentQuestion;
        private Duration took;
        private final List<String> answers = new ArrayList<>();
        private final List<String> mediaAnswers = new ArrayList<>();
        private boolean olderSession;

        Member telegram(String lang) {
            channel = "telegram";
            language = lang;
            return this;
        }

        Member whatsapp(String lang) {
            channel = "whatsapp";
            language = lang;
            return this;
        }

        Member attribute(String name, String value) {
            attributes.put(name, value);
            return this;
        }

        /** The invitation message's outbox status and, for WhatsApp, the provider's delivery status (may be null). */
        Member invite(String status, String delivery) {
            outboxStatus = status;
            deliveryStatus = delivery;
            return this;
        }

        /** A Telegram deep link to hand out instead of a message; opened or not. */
        Member link(boolean opened) {
            linkOpened = opened;
            return this;
        }

        Member optedOut(Duration afterInvitation) {
            optedOutAt = invitedAt.plus(afterInvitation);
            return this;
        }

        Member unreachable() {
            unreachable = true;
            return this;
        }

        Member session(String status, int answeredCount, int applicableCount, String current) {
            sessionStatus = status;
            answered = answeredCount;
            applicable = applicableCount;
            currentQuestion = current;
            return this;
        }

        /** Completed this long after starting (sets completed_at). */
        Member took(Duration duration) {
            took = duration;
            return this;
        }

        Member answers(String... questionIds) {
            answers.addAll(List.of(questionIds));
            return this;
        }

        Member mediaAnswer(String questionId) {
            mediaAnswers.add(questionId);
            return this;
        }

        /** Also an earlier, expired session in the same wave that the member's row no longer points at. */
        Member olderSession() {
            olderSession = true;
            return this;
        }

        /** Writes the member; gives the respondent id. */
        UUID add() {
            UUID respondent = UUID.randomUUID();
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                exec(c, "insert into respondents (id, pseudonym, channel, attributes, opted_out_at) values (?, ?, ?, ?::jsonb, ?)",
                        respondent, "p-" + respondent, channel, json(attributes), ts(optedOutAt));
                String provider = channel + "-" + respondent;
                exec(c, "insert into channel_identities (respondent_id, channel, provider_id, unreachable_at) values (?, ?, ?, ?)",
                        respondent, channel, provider, unreachable ? ts(invitedAt) : null);
                Long outboxId = null;
                if (outboxStatus != null) {
                    outboxId = insertReturningId(c, "insert into outbox (channel, respondent_id, recipient, payload, status, idempotency_key, delivery_status) "
                            + "values (?, ?, ?, '{}'::jsonb, ?, ?, ?) returning id", channel, respondent, provider, outboxStatus, UUID.randomUUID(), deliveryStatus);
                }
                String token = null;
                if (linkOpened != null) {
                    token = "t" + UUID.randomUUID().toString().replace("-", "");
                    exec(c, "insert into invitations (token, respondent_id, survey_id, language, channel, used_at) values (?, ?, ?, ?, 'telegram', ?)",
                            token, respondent, surveyId, language, linkOpened ? ts(invitedAt.plusSeconds(3600)) : null);
                }
                if (olderSession) {
                    insertSession(c, UUID.randomUUID(), respondent, "expired", 1, 5, "safe_area", invitedAt.plusSeconds(60), null);
                }
                UUID session = null;
                if (sessionStatus != null) {
                    session = UUID.randomUUID();
                    Instant started = invitedAt.plusSeconds(7200);
                    insertSession(c, session, respondent, sessionStatus, answered, applicable, currentQuestion, started,
                            took == null ? null : started.plus(took));
                    for (String q : answers) {
                        insertAnswer(c, session, respondent, q, null);
                    }
                    for (String q : mediaAnswers) {
                        UUID media = UUID.randomUUID();
                        exec(c, "insert into media_objects (id, respondent_id, channel, kind, status) values (?, ?, ?, 'audio', 'stored')",
                                media, respondent, channel);
                        insertAnswer(c, session, respondent, q, media);
                    }
                }
                exec(c, "insert into wave_members (wave_id, respondent_id, channel, language, invitation_token, invite_outbox_id, invited_at, session_id) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)", waveId, respondent, channel, language, token, outboxId, ts(invitedAt), session);
                c.commit();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return respondent;
        }

        private void insertSession(Connection c, UUID id, UUID respondent, String status, int answeredCount, int applicableCount,
                                   String current, Instant started, Instant completed) throws SQLException {
            exec(c, "insert into sessions (id, respondent_id, survey_version_id, channel, status, language, current_question, state, "
                            + "started_at, updated_at, completed_at, wave_id, answered, applicable) values (?, ?, ?, ?, ?, ?, ?, '{}'::jsonb, ?, ?, ?, ?, ?, ?)",
                    id, respondent, versionId, channel, status, language, current, ts(started), ts(completed == null ? started : completed),
                    ts(completed), waveId, answeredCount, applicableCount);
        }

        private void insertAnswer(Connection c, UUID session, UUID respondent, String question, UUID media) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("insert into answers (session_id, respondent_id, survey_version_id, question_id, "
                    + "question_type, value, language, channel, ioi_tags, media_id, preview, answered_at, wave_id) "
                    + "values (?, ?, ?, ?, 'text', '{\"kind\": \"TEXT\", \"text\": \"x\", \"media\": null, \"number\": null, \"choices\": []}'::jsonb,"
                    + " ?, ?, ?, ?, false, ?, ?)")) {
                ps.setObject(1, session);
                ps.setObject(2, respondent);
                ps.setLong(3, versionId);
                ps.setString(4, question);
                ps.setString(5, language == null ? "nl" : language);
                ps.setString(6, channel);
                Array tags = c.createArrayOf("text", new String[0]);
                ps.setArray(7, tags);
                ps.setObject(8, media);
                ps.setTimestamp(9, ts(invitedAt.plusSeconds(7300)));
                ps.setLong(10, waveId);
                ps.executeUpdate();
            }
        }
    }

    private static void exec(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            ps.executeUpdate();
        }
    }

    private static long insertReturningId(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, params[i]);
            }
        }
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static String json(Map<String, String> map) {
        StringBuilder b = new StringBuilder("{");
        map.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append('"').append(k).append("\":\"").append(v).append('"'));
        return b.append('}').toString();
    }
}
