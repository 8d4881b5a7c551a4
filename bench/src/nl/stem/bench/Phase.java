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

/** What one phase measured. */
final class Phase {
    final Samples ack = new Samples();
    final Samples ackFromSchedule = new Samples();
    final Samples reply = new Samples();
    final LongAdder acked = new LongAdder();
    final LongAdder sent = new LongAdder();
    final LongAdder completed = new LongAdder();
    final LongAdder non200 = new LongAdder();
    final LongAdder timeouts = new LongAdder();
    final LongAdder ioErrors = new LongAdder();
    final LongAdder noReply = new LongAdder();
    final LongAdder stalled = new LongAdder();
    final LongAdder withoutFreshReply = new LongAdder();
    final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    double seconds;
    double scheduleSeconds;
    long users;

    void status(int s) { statuses.computeIfAbsent(s, k -> new LongAdder()).increment(); }

    long errors() { return non200.sum() + timeouts.sum() + ioErrors.sum() + noReply.sum() + stalled.sum(); }

    String errorSummary() {
        return "non-2xx " + non200.sum() + (non200.sum() > 0 ? " " + statuses : "") + ", timeouts " + timeouts.sum()
                + ", I/O " + ioErrors.sum() + ", no reply " + noReply.sum() + ", stalled " + stalled.sum();
    }
}
