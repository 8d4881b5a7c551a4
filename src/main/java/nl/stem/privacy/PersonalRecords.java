package nl.stem.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.media.MediaStore;
import nl.stem.worker.Jdbc;

/**
 * Reads one respondent's {@link PersonalRecord}: every row of theirs, in every table that holds
 * something about a person (docs/data-protection.md lists them), and nothing of anyone else; and
 * writes it as a zip with their media files. Read in one repeatable-read snapshot, so the parts agree.
 * Example: {@code records.read(respondentId, now)}; {@code records.writeZip(record, out)}.
 */
@ApplicationScoped
public class PersonalRecords {
    static final String JSON_ENTRY = "record.json";

    @Inject
    DataSource ds;
    @Inject
    ObjectMapper json;
    @Inject
    MediaStore store;

    /** Their record, or empty when there is no such respondent; outside a JTA transaction (the API). */
    public Optional<PersonalRecord> read(UUID respondentId, Instant now) {
        try {
            return Jdbc.inTransaction(ds, c -> {
                try (var st = c.createStatement()) {
                    st.execute("set transaction isolation level repeatable read, read only");
                }
                return read(c, respondentId, now);
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a personal record (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** The same within the caller's JTA transaction (a conversation: what it wrote so far is included). */
    public Optional<PersonalRecord> readInTransaction(UUID respondentId, Instant now) {
        try (Connection c = ds.getConnection()) {
            return read(c, respondentId, now);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a personal record (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private Optional<PersonalRecord> read(Connection c, UUID id, Instant now) throws SQLException {
        List<PersonalRecord.Person> person = query(c, """
                select pseudonym, member_id, channel, preferred_language, time_zone, consent_status, attributes::text,
                       status, created_at, enrolled_at, opted_out_at
                from respondents where id = ?""", rs -> new PersonalRecord.Person(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), map(rs.getString(7)), rs.getString(8),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "enrolled_at"), Jdbc.instant(rs, "opted_out_at")), id);
        if (person.isEmpty()) {
            return Optional.empty();
        }
        List<PersonalRecord.Identity> identities = query(c, """
                select channel, provider_id, created_at, last_inbound_at, unreachable_at
                from channel_identities where respondent_id = ? order by created_at, id""",
                rs -> new PersonalRecord.Identity(rs.getString(1), rs.getString(2), Jdbc.instant(rs, "created_at"),
                        Jdbc.instant(rs, "last_inbound_at"), Jdbc.instant(rs, "unreachable_at")), id);
        List<PersonalRecord.Consent> consents = query(c, """
                select v.survey_id, v.version, k.question_id, k.language, k.text_sha256, k.decision, k.channel, k.at, k.session_id
                from consent_records k join survey_versions v on v.id = k.survey_version_id
                where k.respondent_id = ? order by k.at, k.id""",
                rs -> new PersonalRecord.Consent(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), Jdbc.instant(rs, "at"),
                        rs.getObject(9, UUID.class)), id);
        List<PersonalRecord.Session> sessions = query(c, """
                select s.id, v.survey_id, v.version, v.id, s.channel, s.status, s.language, s.preview, s.wave_id, s.answered,
                       s.applicable, s.started_at, s.updated_at, s.completed_at
                from sessions s join survey_versions v on v.id = s.survey_version_id
                where s.respondent_id = ? order by s.started_at, s.id""",
                rs -> new PersonalRecord.Session(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8), (Long) rs.getObject(9), rs.getInt(10),
                        rs.getInt(11), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "updated_at"),
                        Jdbc.instant(rs, "completed_at")), id);
        List<PersonalRecord.Answer> answers = query(c, """
                select a.session_id, v.survey_id, v.version, a.question_id, a.question_type, a.value::text, a.raw_text,
                       a.language, a.channel, a.ioi_tags, a.media_id, a.wave_id, a.answered_at
                from answers a join survey_versions v on v.id = a.survey_version_id
                where a.respondent_id = ? order by a.answered_at, a.id""",
                rs -> new PersonalRecord.Answer(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), tree(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9),
                        strings(rs.getArray(10)), rs.getObject(11, UUID.class), (Long) rs.getObject(12),
                        Jdbc.instant(rs, "answered_at")), id);
        List<PersonalRecord.Media> media = query(c, """
                select id, kind, mime_type, size_bytes, duration_seconds, status, sha256, created_at, stored_at, expired_at
                from media_objects where respondent_id = ? order by created_at, id""",
                rs -> {
                    String sha = rs.getString(7);
                    boolean kept = "stored".equals(rs.getString(6)) && sha != null && store.path(sha).isPresent();
                    return new PersonalRecord.Media(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            (Long) rs.getObject(4), (Integer) rs.getObject(5), rs.getString(6), sha,
                            Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "stored_at"), Jdbc.instant(rs, "expired_at"),
                            kept ? "media/" + rs.getObject(1, UUID.class) + extension(rs.getString(3)) : null);
                }, id);
        List<PersonalRecord.Invitation> invitations = query(c, """
                select survey_id, language, channel, created_at, used_at from invitations
                where respondent_id = ? order by created_at, token""",
                rs -> new PersonalRecord.Invitation(rs.getString(1), rs.getString(2), rs.getString(3),
                        Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "used_at")), id);
        List<PersonalRecord.WaveMembership> waves = query(c, """
                select w.id, w.name, m.channel, m.language, m.invited_at, m.reminders_sent, m.last_reminder_at
                from wave_members m join waves w on w.id = m.wave_id
                where m.respondent_id = ? order by m.invited_at, w.id""",
                rs -> new PersonalRecord.WaveMembership(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Jdbc.instant(rs, "invited_at"), rs.getInt(6), Jdbc.instant(rs, "last_reminder_at")), id);
        List<PersonalRecord.Contact> contacts = query(c, """
                select wave_id, kind, at from panel_contacts where respondent_id = ? order by at, id""",
                rs -> new PersonalRecord.Contact(rs.getLong(1), rs.getString(2), Jdbc.instant(rs, "at")), id);
        List<PersonalRecord.Message> messages = query(c, """
                select channel, status, delivery_status, payload ->> 'text', created_at, sent_at
                from outbox where respondent_id = ? order by id""",
                rs -> new PersonalRecord.Message(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "sent_at")), id);
        return Optional.of(new PersonalRecord(now, person.get(0), identities, consents, sessions, answers, media,
                invitations, waves, contacts, messages));
    }

    /**
     * The record as a zip: {@code record.json}, then each kept media file as {@code media/<id>.<ext>}.
     * Streamed: a file is copied from the store as it is written, never held in memory.
     */
    public void writeZip(PersonalRecord record, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry(JSON_ENTRY));
        json.writer().with(SerializationFeature.INDENT_OUTPUT).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(zip, record);
        zip.closeEntry();
        for (PersonalRecord.Media m : record.media()) {
            Optional<Path> file = m.file() == null ? Optional.empty() : store.path(m.sha256());
            if (file.isEmpty()) {
                continue;
            }
            zip.putNextEntry(new ZipEntry(m.file()));
            try (InputStream in = Files.newInputStream(file.get())) {
                in.transferTo(zip);
            }
            zip.closeEntry();
        }
        zip.finish();
    }

    /** A file name extension for a media type: audio/ogg -> .ogg, video/mp4 -> .mp4; none when unknown. */
    static String extension(String mimeType) {
        if (mimeType == null) {
            return "";
        }
        String sub = mimeType.replaceFirst(";.*", "").replaceFirst("^[^/]*/", "").replaceFirst("^x-", "").trim();
        sub = switch (sub) {
            case "mpeg" -> mimeType.startsWith("audio") ? "mp3" : "mpeg";
            case "jpeg" -> "jpg";
            case "quicktime" -> "mov";
            default -> sub;
        };
        return sub.matches("[a-z0-9]{1,10}") ? "." + sub : "";
    }

    private JsonNode tree(String value) throws SQLException {
        try {
            return value == null ? null : json.readTree(value);
        } catch (IOException e) {
            throw new SQLException("unreadable json", e);
        }
    }

    private Map<String, Object> map(String value) throws SQLException {
        try {
            return value == null ? Map.of() : json.readValue(value, new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new SQLException("unreadable json", e);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> query(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        }
    }
}
