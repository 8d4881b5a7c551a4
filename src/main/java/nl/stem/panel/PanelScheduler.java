package nl.stem.panel;

import java.time.Clock;
import java.time.Duration;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import nl.stem.outbox.OutboxQueued;
import nl.stem.panel.wave.Reminders;
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

    private Duration round() throws Exception {
        expiry.run(clock.instant());
        if (reminders.run(clock.instant()) > 0) {
            outboxQueued.fire(new OutboxQueued("telegram"));
            outboxQueued.fire(new OutboxQueued("whatsapp"));
        }
        return config.scheduler().pollInterval();
    }
}
