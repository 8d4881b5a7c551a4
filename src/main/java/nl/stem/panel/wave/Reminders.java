package nl.stem.panel.wave;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.db.Ids;
import nl.stem.engine.UiTexts;
import nl.stem.outbox.OutboxMessage;
import nl.stem.panel.PanelConfig;
import nl.stem.panel.QuietHours;
import nl.stem.survey.PublishedSurvey;
import nl.stem.survey.SurveyCatalog;
import nl.stem.worker.Jdbc;

/**
 * Reminders of open waves, one pass at a time: a member due for a reminder gets one unless they
 * completed, refused, stopped or opted out, cannot be reached, answered within the last
 * {@code stem.panel.reminder-quiet-after-activity}, or reached the contact-frequency cap. Each
 * reminder arrives outside the member's quiet hours. A slot passed without a reminder is not made
 * up later. Time comes in as {@code now}, so tests drive it.
 */
@ApplicationScoped
public class Reminders {
    private static final Set<String> CLOSED_SESSION = Set.of("completed", "refused", "stopped");
    private static final Set<String> UNDELIVERABLE = Set.of("failed", "undelivered");

    @Inject
    DataSource ds;
    @Inject
    PanelConfig config;
    @Inject
    SurveyCatalog catalog;
    @Inject
    UiTexts ui;
    @Inject
    Waves waves;

    /** Due member of a wave, as read under lock. */
    private record Due(long waveId, UUID respondentId, String channel, String language, Instant invitedAt, int[] hours,
                       long versionId, String timeZone, boolean optedOut, String providerId, boolean unreachable,
                       String sessionStatus, Instant sessionUpdatedAt, boolean inviteUndeliverable, int recentContacts,
                       QuietHours quiet) {
    }

    /** Queues the reminders due at {@code now}; returns how many were queued. */
    public int run(Instant now) throws SQLException {
        return Jdbc.inTransaction(ds, c -> {
            List<Due> due = due(c, now);
            PanelMessages texts = new PanelMessages(ui);
            int queued = 0;
            for (Due d : due) {
                if (send(d, now)) {
                    Instant at = d.quiet().nextAllowed(now, waves.zone(d.timeZone()));
                    long outboxId = enqueue(c, d, texts, at, now);
                    Jdbc.update(c, "insert into panel_contacts (respondent_id, wave_id, kind, at, outbox_id) values (?, ?, 'reminder', ?, ?)",
                            d.respondentId(), d.waveId(), at, outboxId);
                    Jdbc.update(c, "update wave_members set reminders_sent = reminders_sent + 1, last_reminder_at = ? "
                            + "where wave_id = ? and respondent_id = ?", at, d.waveId(), d.respondentId());
                    queued++;
                }
                Jdbc.update(c, "update wave_members set next_reminder_at = ? where wave_id = ? and respondent_id = ?",
                        finished(d) ? null : nextSlot(d, now), d.waveId(), d.respondentId());
            }
            return queued;
        });
    }

    /** Whether a reminder goes to this member now. */
    private boolean send(Due d, Instant now) {
        if (finished(d) || d.providerId() == null || d.recentContacts() >= config.maxContacts()) {
            return false;
        }
        return d.sessionUpdatedAt() == null || d.sessionUpdatedAt().isBefore(now.minus(config.reminderQuietAfterActivity()));
    }

    /** No reminder will ever go to this member in this wave. */
    private static boolean finished(Due d) {
        return d.optedOut() || d.unreachable() || d.inviteUndeliverable()
                || (d.sessionStatus() != null && CLOSED_SESSION.contains(d.sessionStatus()));
    }

    /** The first reminder slot after {@code now}, or null when none is left. */
    private static Instant nextSlot(Due d, Instant now) {
        for (int h : d.hours()) {
            Instant slot = d.invitedAt().plus(Duration.ofHours(h));
            if (slot.isAfter(now)) {
                return slot;
            }
        }
        return null;
    }

    private List<Due> due(Connection c, Instant now) throws SQLException {
        String sql = "select wm.wave_id, wm.respondent_id, wm.channel, coalesce(wm.language, r.preferred_language), wm.invited_at, w.reminder_hours, w.survey_version_id, "
                + "r.time_zone, r.opted_out_at, ci.provider_id, ci.unreachable_at, s.status, s.updated_at, o.status, o.delivery_status, "
                + "(select count(*) from panel_contacts pc where pc.respondent_id = wm.respondent_id and pc.at > ? and pc.kind <> 'feedback'), "
                + "w.quiet_start, w.quiet_end from wave_members wm join waves w on w.id = wm.wave_id and w.status = 'open' "
                + "join respondents r on r.id = wm.respondent_id "
                + "left join lateral (select provider_id, unreachable_at from channel_identities i where i.respondent_id = wm.respondent_id "
                + "and i.channel = wm.channel order by i.id desc limit 1) ci on true "
                + "left join sessions s on s.id = wm.session_id left join outbox o on o.id = wm.invite_outbox_id "
                + "where wm.next_reminder_at <= ? order by wm.next_reminder_at limit ? for update of wm skip locked";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, Jdbc.ts(now.minus(config.contactWindow())));
            ps.setObject(2, Jdbc.ts(now));
            ps.setInt(3, config.scheduler().batchSize());
            List<Due> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array hours = rs.getArray(6);
                    Integer[] h = (Integer[]) hours.getArray();
                    out.add(new Due(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getObject(5, java.time.OffsetDateTime.class).toInstant(),
                            java.util.Arrays.stream(h).mapToInt(Integer::intValue).toArray(), rs.getLong(7), rs.getString(8),
                            rs.getObject(9) != null, rs.getString(10), rs.getObject(11) != null, rs.getString(12),
                            rs.getObject(13) == null ? null : rs.getObject(13, java.time.OffsetDateTime.class).toInstant(),
                            "failed".equals(rs.getString(14)) || UNDELIVERABLE.contains(String.valueOf(rs.getString(15))),
                            rs.getInt(16), quiet(rs.getObject(17, LocalTime.class), rs.getObject(18, LocalTime.class))));
                }
            }
            return out;
        }
    }

    private QuietHours quiet(LocalTime start, LocalTime end) {
        return start != null && end != null ? new QuietHours(start, end)
                : new QuietHours(config.quietHours().start(), config.quietHours().end());
    }

    private long enqueue(Connection c, Due d, PanelMessages texts, Instant at, Instant now) throws SQLException {
        PublishedSurvey survey = catalog.byVersionId(d.versionId())
                .orElseThrow(() -> new IllegalStateException("Wave " + d.waveId() + " asks an unknown survey version"));
        String payload = waves.toJson(texts.reminder(survey.version(), d.language(), d.channel()));
        try (PreparedStatement ps = c.prepareStatement("insert into outbox (channel, respondent_id, recipient, priority, payload, status, "
                + "next_attempt_at, idempotency_key, created_at) values (?, ?, ?, ?, cast(? as jsonb), 'queued', ?, ?, ?) returning id")) {
            ps.setString(1, d.channel());
            ps.setObject(2, d.respondentId());
            ps.setString(3, d.providerId());
            ps.setInt(4, OutboxMessage.PRIORITY_BULK);
            ps.setString(5, payload);
            ps.setObject(6, Jdbc.ts(at));
            ps.setObject(7, Ids.uuid());
            ps.setObject(8, Jdbc.ts(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
