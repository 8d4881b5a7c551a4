package nl.stem.bench;

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

/**
 * Stem's Telegram benchmark: a fake Telegram Bot API plus a driver that plays many Telegram users
 * through a survey via Stem's webhook. JDK only, in bench/src/nl/stem/bench (one file per part: the driver and its users in
 * TelegramBench, User, ClosedLoop, OpenLoop, Webhook; the fake in FakeBotApi, ChatLog; the measures in Samples,
 * Phase, RssSampler, CpuTime, Report; StandIn for the self-test; Json); run with {@code bench/driver.sh}.
 *
 * <p>Modes:
 * <ul>
 *   <li>{@code --self-test}: starts the fake and a small in-process stand-in for Stem that follows the
 *       webhook contract, and runs both phases against it in seconds (checks the harness itself).</li>
 *   <li>otherwise: starts the fake on loopback, writes its port to {@code --fake-port-file}, waits for
 *       {@code --pid-file} (written by bench/run.sh once the service is ready) and drives
 *       {@code --webhook}.</li>
 * </ul>
 * Every user is a small state machine that reacts to the replies the fake has recorded for its chat.
 */
public class TelegramBench {

    static final String[] LANGS = {"ar", "fa", "ti", "en", "nl", "uk", "tr"};
    /** Typed answers for the open question, with quotes, backslashes, newlines and non-ASCII on purpose. */
    static final Map<String, String> OPEN_TEXT = Map.of(
            "ar", "أكثر دروس \"اللغة\" في العمل،\nوشكرا 🙏",
            "fa", "کلاس زبان بیشتر \\ کار داوطلبانه",
            "ti", "ብዙሕ ትምህርቲ ቋንቋ",
            "uk", "Більше курсів мови — «дякую»",
            "tr", "Daha çok dil kursu; işveren günleri",
            "en", "More \"language\" classes\tand mentors",
            "nl", "Meer taalles en stages – bedankt!");

    static final String USAGE = """
            bench/driver.sh --self-test [--users N --concurrency N --rate N --rate-seconds N]
            bench/driver.sh --webhook URL[,URL...] --secret S --token T [options]   (normally via bench/run.sh; several URLs: in turn)
              --fake-port N          port of the fake Bot API (0 = free port, the default)
              --fake-port-file F     write the fake's port here
              --pid-file F           wait for the service's pid here before starting the load
              --pid N[,N...]         the service's pid, one per instance (instead of --pid-file)
              --users N (2000) --concurrency N (32) --warmup-users N (200)
              --rate N (500) --rate-seconds N (20) --user-interval-ms N (1000)
              --timeout-ms N (10000) --reply-timeout-ms N (15000) --max-seconds N (600) --max-steps N (40)
              --seed N (42) --out FILE (report) --props FILE (figures for run.sh)""";

    public static void main(String[] argv) throws Exception {
        // The JDK server writes response headers and body separately: without TCP_NODELAY, Nagle's
        // algorithm and the client's delayed ACK add ~40 ms to every Bot API call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Args args = Args.parse(argv);
        if (args.has("help")) {
            System.out.println(USAGE);
            return;
        }
        boolean ok = args.has("self-test") ? selfTest(args) : realRun(args);
        System.exit(ok ? 0 : 1);
    }

    // ------------------------------------------------------------------ modes

    static boolean selfTest(Args args) throws Exception {
        Json.selfCheck();
        String token = "123456:SELFTEST";
        String secret = "self-test-secret";
        FakeBotApi fake = new FakeBotApi(token, 0, 32);
        StandIn standIn = new StandIn(secret, "http://127.0.0.1:" + fake.port() + "/bot" + token + "/");
        try {
            Config c = Config.from(args, 300, 16, 300, 3, 20);
            c.webhook = "http://127.0.0.1:" + standIn.port() + "/webhooks/telegram";
            c.secret = secret;
            System.out.println("self-test: fake Bot API on 127.0.0.1:" + fake.port() + ", stand-in service on 127.0.0.1:" + standIn.port());
            Report r = runPhases(c, fake, new long[] {ProcessHandle.current().pid()}, "self-test (stand-in service in the harness JVM; RSS is the harness's own)");
            List<String> problems = new ArrayList<>();
            if (r.closed.completed.sum() != c.users) problems.add("completed " + r.closed.completed.sum() + " of " + c.users);
            if (r.closed.errors() != 0) problems.add("closed-loop errors: " + r.closed.errorSummary());
            if (r.open.errors() != 0) problems.add("open-loop errors: " + r.open.errorSummary());
            if (fake.bad.sum() != 0) problems.add("fake Bot API saw " + fake.bad.sum() + " bad requests");
            if (standIn.mismatches.sum() != 0) problems.add("stand-in saw " + standIn.mismatches.sum() + " open answers that did not survive JSON");
            if (standIn.answers.sum() == 0) problems.add("stand-in stored no answers");
            if (standIn.reprompts.sum() == 0) problems.add("no re-prompt was exercised");
            long expectedCallbacks = standIn.callbacks.sum();
            for (int i = 0; i < 50 && fake.count("answercallbackquery") < expectedCallbacks; i++) Thread.sleep(100);
            if (fake.count("answercallbackquery") != expectedCallbacks) problems.add("answerCallbackQuery " + fake.count("answercallbackquery") + " != callbacks " + expectedCallbacks);
            System.out.println("stand-in: " + standIn.answers.sum() + " answers stored, " + standIn.duplicates.sum() + " duplicates, "
                    + standIn.reprompts.sum() + " re-prompts, " + standIn.callbacks.sum() + " callback queries");
            System.out.println(problems.isEmpty() ? "SELF-TEST PASSED" : "SELF-TEST FAILED: " + String.join("; ", problems));
            return problems.isEmpty();
        } finally {
            standIn.stop();
            fake.stop();
        }
    }

    static boolean realRun(Args args) throws Exception {
        Config c = Config.from(args, 2000, 32, 500, 20, 200);
        c.webhook = args.require("webhook");
        c.secret = args.require("secret");
        String token = args.require("token");
        FakeBotApi fake = new FakeBotApi(token, args.intValue("fake-port", 0), args.intValue("fake-threads", 64));
        try {
            if (args.has("fake-port-file")) {
                Path f = Path.of(args.get("fake-port-file"));
                Files.writeString(f.resolveSibling(f.getFileName() + ".tmp"), Integer.toString(fake.port()));
                Files.move(f.resolveSibling(f.getFileName() + ".tmp"), f, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            System.out.println("fake Bot API on 127.0.0.1:" + fake.port());
            long[] pids = new long[0];
            if (args.has("pid-file")) {
                Path f = Path.of(args.get("pid-file"));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(args.intValue("wait-seconds", 600));
                while (!Files.exists(f) || Files.readString(f).isBlank()) {
                    if (System.nanoTime() > deadline) {
                        System.err.println("gave up waiting for " + f);
                        return false;
                    }
                    Thread.sleep(200);
                }
                pids = pids(Files.readString(f));
            } else if (args.has("pid")) {
                pids = pids(args.get("pid"));
            }
            Report r = runPhases(c, fake, pids, (pids.length == 1 ? "service pid " : pids.length + " instances, pids ")
                    + java.util.Arrays.toString(pids).replaceAll("[\\[\\],]", "") + (pids.length > 1 ? " (RSS: the largest)" : ""));
            return r.closed.completed.sum() > 0;
        } finally {
            fake.stop();
        }
    }

    /** Service pids, separated by spaces or commas (one per instance). */
    static long[] pids(String text) {
        return java.util.Arrays.stream(text.trim().split("[\\s,]+")).filter(t -> !t.isEmpty()).mapToLong(Long::parseLong).toArray();
    }

    static Report runPhases(Config c, FakeBotApi fake, long[] pids, String memoryNote) throws Exception {
        Webhook hook = new Webhook(c.webhook, c.secret, c.timeoutMs);
        RssSampler rss = new RssSampler(pids);
        rss.start();
        Report r = new Report(c, memoryNote);
        try {
            if (c.warmupUsers > 0) {
                System.out.println("warm-up: " + c.warmupUsers + " users");
                Phase w = new ClosedLoop(c, fake, hook, 900_000_000L, c.warmupUsers).run();
                System.out.println("warm-up done: " + w.completed.sum() + " completed, errors " + w.errorSummary());
                if (w.completed.sum() == 0) {
                    System.out.println("WARNING: no warm-up user completed the survey: is the webhook at " + c.webhook
                            + " implemented, and is the outbox sender sending to the fake? Fake Bot API calls: " + fake.callSummary());
                }
            }
            System.out.println("closed loop: " + c.users + " users, " + c.concurrency + " in flight");
            CpuTime.Split before = CpuTime.split(pids);
            r.closed = new ClosedLoop(c, fake, hook, 100_000_000L, c.users).run();
            r.closedCpu = CpuTime.split(pids).minus(before);
            System.out.println("open loop: " + c.rate + " updates/s for " + c.rateSeconds + " s");
            r.open = new OpenLoop(c, fake, hook, 500_000_000L).run();
        } finally {
            rss.stop();
        }
        r.rssPeakSampledKb = rss.peakKb;
        r.hwmKb = rss.readKb("VmHWM");
        r.fakeCalls = fake.callSummary();
        r.fakeBad = fake.bad.sum();
        String text = r.render();
        System.out.println(text);
        if (c.out != null) {
            Files.createDirectories(Path.of(c.out).toAbsolutePath().getParent());
            Files.writeString(Path.of(c.out), text);
        }
        if (c.props != null) {
            Files.writeString(Path.of(c.props), r.properties());
        }
        return r;
    }


    static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    static void respond(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }


    static final AtomicLong UPDATE_IDS = new AtomicLong(1_000_000L);
}
