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

/** The services' memory: the largest instance's, sampled every 500 ms (the aim is per instance). */
final class RssSampler {
    final long[] pids;
    volatile long peakKb = -1;
    private Thread thread;
    private volatile boolean running = true;

    RssSampler(long[] pids) { this.pids = pids; }

    void start() {
        if (pids.length == 0) return;
        thread = new Thread(() -> {
            while (running) {
                long kb = readKb("VmRSS");
                if (kb > peakKb) peakKb = kb;
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
            }
        }, "rss-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        if (thread != null) thread.join(2000);
        long kb = readKb("VmRSS");
        if (kb > peakKb) peakKb = kb;
    }

    /** The largest instance's value of {@code field} (VmRSS, VmHWM), or -1. */
    long readKb(String field) {
        long max = -1;
        for (long pid : pids) {
            max = Math.max(max, readKb(pid, field));
        }
        return max;
    }

    private static long readKb(long pid, String field) {
        if (pid <= 0) return -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
