package nl.stem.panel;

import java.time.Clock;
import java.time.Duration;

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
import nl.stem.worker.WorkerLoop;

/** Runs session expiry and wave reminders every {@code stem.panel.scheduler.poll-interval}. */
@ApplicationScoped
public class PanelScheduler {

    @Inject
    PanelConfig config;
    @Inject
    SessionExpiry expiry;
    @Inject
    Reminders reminders;
    @Inject
    WaveLifecycle lifecycle;
    @Inject
    Clock clock;
    @Inject
    Event<OutboxQueued> outboxQueued;

    private WorkerLoop loop;

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
        lifecycle.cancelQueued();
        expiry.run(clock.instant());
        expiry.purgeErasureConfirmations();
        if (reminders.run(clock.instant()) > 0) {
            Channel.PANEL.forEach(ch -> outboxQueued.fire(new OutboxQueued(ch.id())));
        }
        return config.scheduler().pollInterval();
    }
}
