package nl.stem.panel.wave;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import nl.stem.outbox.ConfiguredChannels;
import nl.stem.outbox.MessageCost;
import nl.stem.outbox.NewMessage;
import nl.stem.outbox.OutboxStore;
import nl.stem.survey.PublishedSurvey;

/** Builds a {@link DryRun} from a wave's selection and the outbox's plan of its invitations. */
final class DryRuns {
    private DryRuns() {
    }

    static DryRun of(PublishedSurvey survey, List<Candidate> invited, Waves.Selection selection, List<NewMessage> messages,
                     List<OutboxStore.Planned> plan, Instant now, ZoneId zone, ConfiguredChannels channels, int reminders,
                     List<String> problems) {
        Map<String, Integer> byChannel = new TreeMap<>();
        int links = 0;
        List<String> members = new ArrayList<>(invited.size());
        for (Candidate m : invited) {
            byChannel.merge(m.channel(), 1, Integer::sum);
            links += m.providerId() == null ? 1 : 0;
            members.add(m.memberId());
        }
        List<DryRun.LeftOut> leftOut = selection.leftOut().stream().map(l -> new DryRun.LeftOut(l[0], l[1])).toList();

        Map<String, int[]> days = new TreeMap<>();
        Map<String, Instant[]> spans = new TreeMap<>();
        Map<String, int[]> costCounts = new TreeMap<>();
        Map<String, MessageCost> costs = new TreeMap<>();
        Instant last = null;
        for (int i = 0; i < messages.size(); i++) {
            NewMessage m = messages.get(i);
            OutboxStore.Planned p = plan.get(i);
            String day = LocalDate.ofInstant(p.at(), zone) + "|" + m.channel();
            int[] n = days.computeIfAbsent(day, k -> new int[2]);
            n[0]++;
            Instant[] span = spans.computeIfAbsent(day, k -> new Instant[] {p.at(), p.at()});
            span[0] = p.at().isBefore(span[0]) ? p.at() : span[0];
            span[1] = p.at().isAfter(span[1]) ? p.at() : span[1];
            last = last == null || p.at().isAfter(last) ? p.at() : last;
            if (p.businessInitiated()) {
                n[1]++;
                Optional<MessageCost> cost = channels.conversationCost(m.channel(), m.recipient());
                if (cost.isPresent()) {
                    String key = m.channel() + "|" + cost.get().category() + "|" + cost.get().countryCode();
                    costs.putIfAbsent(key, cost.get());
                    costCounts.computeIfAbsent(key, k -> new int[1])[0]++;
                }
            }
        }
        for (Candidate m : invited) {
            if (m.providerId() == null) {
                last = last == null || now.isAfter(last) ? now : last; // links go out when handed over
            }
        }
        List<DryRun.Day> schedule = new ArrayList<>();
        days.forEach((k, n) -> {
            String[] parts = k.split("\\|");
            Instant[] span = spans.get(k);
            schedule.add(new DryRun.Day(LocalDate.parse(parts[0]), parts[1], n[0], n[1], span[0], span[1]));
        });

        List<DryRun.CostLine> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int unpriced = 0;
        String currency = null;
        for (Map.Entry<String, int[]> e : costCounts.entrySet()) {
            MessageCost c = costs.get(e.getKey());
            int count = e.getValue()[0];
            BigDecimal amount = c.price() == null ? null : c.price().multiply(BigDecimal.valueOf(count));
            if (amount == null) {
                unpriced += count;
            } else {
                total = total.add(amount);
            }
            currency = currency == null ? c.currency() : currency;
            lines.add(new DryRun.CostLine(e.getKey().split("\\|")[0], c.category(), c.countryCode(), count, c.price(), amount));
        }
        DryRun.Cost cost = new DryRun.Cost(currency == null ? "USD" : currency, lines, total, unpriced,
                total.multiply(BigDecimal.valueOf(1L + reminders)));
        return new DryRun(invited.size(), byChannel, links, selection.excluded(), members, leftOut, schedule, last, cost, problems);
    }
}
