package nl.stem.panel.wave;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import nl.stem.engine.UiTexts;
import nl.stem.outbox.NewMessage;
import nl.stem.outbox.OutboxMessage;
import nl.stem.outbox.OutboxStore;
import nl.stem.panel.wave.WaveStore.Due;
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

    private final DataSource ds;
    private final PanelConfig config;
    private final SurveyCatalog catalog;
    private final UiTexts ui;
    private final Waves waves;
    private final WaveStore store;
    private final OutboxStore outbox;

    Reminders(DataSource ds, PanelConfig config, SurveyCatalog catalog, UiTexts ui, Waves waves, WaveStore store,
            OutboxStore outbox) {
        this.ds = ds;
        this.config = config;
        this.catalog = catalog;
        this.ui = ui;
        this.waves = waves;
        this.store = store;
        this.outbox = outbox;
    }

    /** Queues the reminders due at {@code now}; returns how many were queued. */
    public int run(Instant now) throws SQLException {
        return Jdbc.inTransaction(ds, c -> {
            List<Due> due = store.dueReminders(c, now, now.minus(config.contactWindow()), config.scheduler().batchSize());
            PanelMessages texts = new PanelMessages(ui);
            int queued = 0;
            for (Due d : due) {
                if (send(d, now)) {
                    Instant at = quiet(d).nextAllowed(now, waves.zone(d.timeZone()));
                    long outboxId = enqueue(c, d, texts, at, now);
                    store.logContact(c, d.respondentId(), d.waveId(), "reminder", at, outboxId);
                    store.reminded(c, d.waveId(), d.respondentId(), at);
                    queued++;
                }
                store.nextReminder(c, d.waveId(), d.respondentId(), finished(d) ? null : nextSlot(d, now));
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
        return d.optedOut() || d.unreachable() || inviteUndeliverable(d)
                || (d.sessionStatus() != null && CLOSED_SESSION.contains(d.sessionStatus()));
    }

    /** The invitation never reached them: failed to send, or the provider reported it undelivered. */
    private static boolean inviteUndeliverable(Due d) {
        return "failed".equals(d.inviteStatus()) || UNDELIVERABLE.contains(String.valueOf(d.inviteDeliveryStatus()));
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

    /** The wave's quiet hours, else the configured ones. */
    private QuietHours quiet(Due d) {
        LocalTime start = d.quietStart();
        LocalTime end = d.quietEnd();
        return start != null && end != null ? new QuietHours(start, end)
                : new QuietHours(config.quietHours().start(), config.quietHours().end());
    }

    private long enqueue(Connection c, Due d, PanelMessages texts, Instant at, Instant now) throws SQLException {
        PublishedSurvey survey = catalog.byVersionId(d.versionId())
                .orElseThrow(() -> new IllegalStateException("Wave " + d.waveId() + " asks an unknown survey version"));
        String payload = waves.panelPayload(texts.reminder(survey.version(), d.language(), d.channel()), "reminder", survey.version(),
                d.language(), null);
        QuietHours quiet = quiet(d);
        java.time.ZoneId zone = waves.zone(d.timeZone());
        // Reminders count toward the channel's daily limit like invitations: the outbox plans them.
        return outbox.enqueue(c, List.of(new NewMessage(d.channel(), d.respondentId(), d.providerId(), OutboxMessage.PRIORITY_BULK,
                payload, at, t -> quiet.nextAllowed(t, zone))), now).get(0);
    }
}
