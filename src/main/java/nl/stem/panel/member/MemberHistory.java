package nl.stem.panel.member;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.worker.Jdbc;

/**
 * A member's part in the panel for the coordinator's member page: the waves they were invited to,
 * with how far they got, and the contacts Stem made (invitations, reminders, feedback), newest first.
 * No answers: a coordinator sees who took part, not what they said.
 */
@ApplicationScoped
public class MemberHistory {
    private static final String WAVES = """
            select w.id, w.name, w.status, wm.invited_at, wm.reminders_sent, s.status as session_status,
                   s.completed_at, coalesce(s.answered, 0) as answered, coalesce(s.applicable, 0) as applicable
            from wave_members wm
            join waves w on w.id = wm.wave_id
            left join sessions s on s.id = wm.session_id
            where wm.respondent_id = ?
            order by wm.invited_at desc, w.id desc
            """;
    private static final String CONTACTS = """
            select kind, wave_id, at from panel_contacts where respondent_id = ? order by at desc, id desc limit ?
            """;
    /** The member page lists this many contacts at most. */
    static final int CONTACTS_SHOWN = 100;

    /**
     * A wave the member was invited to.
     *
     * @param session   the status of their latest session in it ({@code active}, {@code completed}, ...), null if none
     * @param answered  questions answered so far, of {@code applicable}
     */
    public record Wave(long id, String name, String status, Instant invitedAt, int reminders, String session,
                       Instant completedAt, int answered, int applicable) {
    }

    /** One invitation, reminder or feedback message. */
    public record Contact(String kind, long wave, Instant at) {
    }

    /** The member's waves and contacts. */
    public record History(List<Wave> waves, List<Contact> contacts) {
    }

    private final DataSource db;

    @Inject
    public MemberHistory(DataSource db) {
        this.db = db;
    }

    /** The history of the respondent behind a member. */
    public History of(UUID respondentId) {
        try (Connection c = db.getConnection()) {
            List<Wave> waves = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(WAVES)) {
                ps.setObject(1, respondentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        waves.add(new Wave(rs.getLong("id"), rs.getString("name"), rs.getString("status"),
                                Jdbc.instant(rs, "invited_at"), rs.getInt("reminders_sent"), rs.getString("session_status"),
                                Jdbc.instant(rs, "completed_at"), rs.getInt("answered"), rs.getInt("applicable")));
                    }
                }
            }
            List<Contact> contacts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(CONTACTS)) {
                ps.setObject(1, respondentId);
                ps.setInt(2, CONTACTS_SHOWN);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        contacts.add(new Contact(rs.getString("kind"), rs.getLong("wave_id"), Jdbc.instant(rs, "at")));
                    }
                }
            }
            return new History(waves, contacts);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a member's history", e);
        }
    }
}
