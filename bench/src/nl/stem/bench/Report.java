package nl.stem.bench;

import static nl.stem.bench.TelegramBench.*;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

final class Report {
    final Config c;
    final String memoryNote;
    Phase closed = new Phase(), open = new Phase();
    long rssPeakSampledKb = -1, hwmKb = -1, fakeBad;
    String fakeCalls = "";
    CpuTime.Split closedCpu;

    /** CPU milliseconds per acknowledged update in the closed loop, from ticks, or "-". */
    String cpuPerUpdate(long ticks) {
        long updates = closed.acked.sum();
        return closedCpu == null || !closedCpu.known() || updates == 0 ? "-"
                : String.format(Locale.ROOT, "%.2f", ticks * CpuTime.MS_PER_TICK / updates);
    }

    Report(Config c, String memoryNote) {
        this.c = c;
        this.memoryNote = memoryNote;
    }

    static String ms(double v) { return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v); }

    static String mb(long kb) { return kb < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MB", kb / 1024.0); }

    double closedRate() { return closed.seconds > 0 ? closed.acked.sum() / closed.seconds : 0; }

    double openAchieved() { return open.seconds > 0 ? open.acked.sum() / open.scheduleSeconds : 0; }

    String render() {
        long[] ack = closed.ack.sorted(), rep = closed.reply.sorted();
        long[] oack = open.ack.sorted(), osched = open.ackFromSchedule.sorted(), orep = open.reply.sorted();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Stem Telegram benchmark, %s, %d CPUs%n", Instant.now().toString(), Runtime.getRuntime().availableProcessors()));
        b.append(String.format(Locale.ROOT, "%-46s %s%n", "metric", "value"));
        b.append("-".repeat(78)).append('\n');
        row(b, "closed loop: users / in flight", closed.users + " / " + c.concurrency);
        row(b, "closed loop: updates acknowledged (2xx)", closed.acked.sum() + " in " + String.format(Locale.ROOT, "%.1f s", closed.seconds));
        row(b, "closed loop: webhook throughput", String.format(Locale.ROOT, "%.1f updates/s", closedRate()));
        row(b, "closed loop: ack latency p50 / p95 / p99", ms(Samples.pct(ack, 50)) + " / " + ms(Samples.pct(ack, 95)) + " / " + ms(Samples.pct(ack, 99)) + " ms");
        row(b, "closed loop: reply latency p50 / p99", ms(Samples.pct(rep, 50)) + " / " + ms(Samples.pct(rep, 99)) + " ms");
        if (closedCpu != null && closedCpu.known()) {
            row(b, "closed loop: CPU ms per update: service", cpuPerUpdate(closedCpu.serviceTicks()));
            row(b, "closed loop: CPU ms per update: PostgreSQL", cpuPerUpdate(closedCpu.postgresTicks()));
            row(b, "closed loop: CPU ms per update: driver + fake", cpuPerUpdate(closedCpu.driverTicks()));
        }
        row(b, "closed loop: completed surveys", closed.completed.sum() + " / " + closed.users);
        row(b, "closed loop: errors", closed.errorSummary());
        row(b, "open loop: target rate x duration", c.rate + " updates/s x " + c.rateSeconds + " s (" + open.users + " users)");
        row(b, "open loop: sent / acknowledged", open.sent.sum() + " / " + open.acked.sum());
        double achieved = openAchieved();
        row(b, "open loop: achieved rate (shortfall)", String.format(Locale.ROOT, "%.1f updates/s (%.1f%% short)", achieved,
                c.rate > 0 ? Math.max(0, 100.0 * (c.rate - achieved) / c.rate) : 0));
        row(b, "open loop: ack latency p50 / p95 / p99", ms(Samples.pct(oack, 50)) + " / " + ms(Samples.pct(oack, 95)) + " / " + ms(Samples.pct(oack, 99)) + " ms");
        row(b, "open loop: ack p99 from scheduled time", ms(Samples.pct(osched, 99)) + " ms");
        row(b, "open loop: reply latency p50 / p99 (approx.)", ms(Samples.pct(orep, 50)) + " / " + ms(Samples.pct(orep, 99)) + " ms");
        row(b, "open loop: sent before a fresh reply", Long.toString(open.withoutFreshReply.sum()));
        row(b, "open loop: errors", open.errorSummary());
        row(b, "memory: peak VmRSS (sampled every 500 ms)", mb(rssPeakSampledKb));
        row(b, "memory: VmHWM at end", mb(hwmKb) + " (" + memoryNote + ")");
        row(b, "fake Bot API calls", fakeCalls + (fakeBad > 0 ? ", BAD REQUESTS " + fakeBad : ""));
        return b.toString();
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append(String.format(Locale.ROOT, "%-46s %s%n", k, v));
    }

    String properties() {
        long[] ack = closed.ack.sorted(), rep = closed.reply.sorted(), oack = open.ack.sorted();
        StringBuilder b = new StringBuilder();
        b.append("closed_updates_per_s=").append(String.format(Locale.ROOT, "%.1f", closedRate())).append('\n');
        b.append("closed_ack_p99_ms=").append(ms(Samples.pct(ack, 99))).append('\n');
        b.append("closed_reply_p99_ms=").append(ms(Samples.pct(rep, 99))).append('\n');
        b.append("closed_completed=").append(closed.completed.sum()).append('\n');
        b.append("closed_errors=").append(closed.errors()).append('\n');
        b.append("open_ack_p99_ms=").append(ms(Samples.pct(oack, 99))).append('\n');
        b.append("open_achieved_per_s=").append(String.format(Locale.ROOT, "%.1f", openAchieved())).append('\n');
        b.append("rss_peak_kb=").append(Math.max(rssPeakSampledKb, hwmKb)).append('\n');
        if (closedCpu != null && closedCpu.known()) {
            b.append("closed_cpu_ms_per_update_service=").append(cpuPerUpdate(closedCpu.serviceTicks())).append('\n');
            b.append("closed_cpu_ms_per_update_postgres=").append(cpuPerUpdate(closedCpu.postgresTicks())).append('\n');
        }
        return b.toString();
    }
}
