package nl.stem.panel;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import nl.stem.identity.Channel;
import nl.stem.outbox.OutboxQueued;
import nl.stem.panel.wave.Reminders;
import nl.stem.panel.wave.WaveClosed;
import nl.stem.panel.wave.WaveLifecycle;
import nl.stem.worker.ClusterLock;
import nl.stem.worker.WorkerLoop;

/**
 * Runs session expiry, the cancellation of closed waves' messages and wave reminders every
 * {@code stem.panel.scheduler.poll-interval}: on one instance at a time when several share the
 * database ({@link ClusterLock}), so a round's work is done once, whichever instance does it.
 */
@ApplicationScoped
public class PanelScheduler {
    /** The cluster lock of a round. */
    static final String LOCK = "stem.panel.scheduler";

    private final PanelConfig config;
    private final SessionExpiry expiry;
    private final Reminders reminders;
    private final WaveLifecycle lifecycle;
    private final Clock clock;
    private final Event<OutboxQueued> outboxQueued;
    private final DataSource ds;

    private WorkerLoop loop;

    @Inject
    PanelScheduler(PanelConfig config, SessionExpiry expiry, Reminders reminders, WaveLifecycle lifecycle, Clock clock,
                   Event<OutboxQueued> outboxQueued, DataSource ds) {
        this.config = config;
        this.expiry = expiry;
        this.reminders = reminders;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.outboxQueued = outboxQueued;
        this.ds = ds;
    }

    void start(@Observes StartupEvent e) {
        if (!config.scheduler().enabled()) {
            return;
        }
        loop = new WorkerLoop("stem-panel-scheduler", this::round, Duration.ofSeconds(30));
        loop.start();
    }

    void stop(@Observes ShutdownEvent e) {
        if (loop != null) {
            loop.stop();
        }
    }

    /** Closing a wave wakes the loop at once, to cancel what the wave still has queued. */
    void onClosed(@Observes WaveClosed e) {
        if (loop != null) {
            loop.wake();
        }
    }

    private Duration round() throws Exception {
        // Another instance doing this round now: its work is this instance's too.
        ClusterLock.ifFree(ds, LOCK, () -> {
            runOnce();
            return null;
        });
        return config.scheduler().pollInterval();
    }

    /** One round of the panel's timed work, on this instance. */
    void runOnce() throws Exception {
        lifecycle.cancelQueued();
        expiry.run(clock.instant());
        expiry.purgeErasureConfirmations();
        if (reminders.run(clock.instant()) > 0) {
            Channel.PANEL.forEach(ch -> outboxQueued.fire(new OutboxQueued(ch.id())));
        }
    }
}
