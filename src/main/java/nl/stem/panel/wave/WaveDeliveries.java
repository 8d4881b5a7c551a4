package nl.stem.panel.wave;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.outbox.ConfiguredChannels;
import nl.stem.outbox.FailureReason;
import nl.stem.panel.PanelConfig;

/** A wave's delivery figures per channel, with every failure's reason and what to do (the API and the dashboard). */
@ApplicationScoped
public class WaveDeliveries {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);

    private final WaveStore store;
    private final ConfiguredChannels channels;
    private final PanelConfig config;

    WaveDeliveries(WaveStore store, ConfiguredChannels channels, PanelConfig config) {
        this.store = store;
        this.channels = channels;
        this.config = config;
    }

    /** Wave {@code id}'s figures; 404 for an unknown wave. */
    public WaveDelivery of(long id) {
        if (!store.exists(id)) {
            throw StemException.alias(ErrorCode.WAVE_NOT_FOUND, "unknown_wave", 404, "No wave " + id);
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, List<WaveDelivery.Problem>> problems = new LinkedHashMap<>();
        for (WaveStore.DeliveryRow r : store.delivery(id)) {
            long[] n = counts.computeIfAbsent(r.channel(), ch -> new long[6]);
            switch (r.state()) {
                case "queued" -> n[0] += r.count();
                case "sent" -> n[1] += r.count();
                case "delivered" -> n[2] += r.count();
                case "read" -> n[3] += r.count();
                case "failed" -> n[4] += r.count();
                default -> n[5] += r.count();
            }
            if (r.reason() == null) {
                continue;
            }
            FailureReason reason = FailureReason.parse(r.reason()).orElse(FailureReason.REFUSED);
            String detail = FailureReason.detail(r.reason());
            boolean waiting = r.state().equals("queued");
            String todo = channels.advice(r.channel(), reason, detail);
            if (waiting && r.nextAt() != null) {
                todo = todo + ": the next go on " + WHEN.format(r.nextAt().atZone(zone()));
            }
            problems.computeIfAbsent(r.channel(), ch -> new ArrayList<>()).add(new WaveDelivery.Problem(waiting ? "waiting" : "failed",
                    reason.code(), detail, r.count(), reason.meaning(), todo, waiting ? r.nextAt() : null));
        }
        List<WaveDelivery.Channel> out = new ArrayList<>();
        counts.forEach((ch, n) -> out.add(new WaveDelivery.Channel(ch, n[0], n[1], n[2], n[3], n[4], n[5],
                problems.getOrDefault(ch, List.of()))));
        return new WaveDelivery(id, out);
    }

    private ZoneId zone() {
        return config.defaultTimeZone();
    }
}
