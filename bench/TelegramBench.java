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
 * through a survey via Stem's webhook. JDK only; run with {@code java bench/TelegramBench.java}.
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
            java bench/TelegramBench.java --self-test [--users N --concurrency N --rate N --rate-seconds N]
            java bench/TelegramBench.java --webhook URL --secret S --token T [options]   (normally via bench/run.sh)
              --fake-port N          port of the fake Bot API (0 = free port, the default)
              --fake-port-file F     write the fake's port here
              --pid-file F           wait for the service's pid here before starting the load
              --pid N                the service's pid (instead of --pid-file)
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
            Report r = runPhases(c, fake, ProcessHandle.current().pid(), "self-test (stand-in service in the harness JVM; RSS is the harness's own)");
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
            long pid = -1;
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
                pid = Long.parseLong(Files.readString(f).trim());
            } else if (args.has("pid")) {
                pid = Long.parseLong(args.get("pid"));
            }
            Report r = runPhases(c, fake, pid, "service pid " + pid);
            return r.closed.completed.sum() > 0;
        } finally {
            fake.stop();
        }
    }

    static Report runPhases(Config c, FakeBotApi fake, long pid, String memoryNote) throws Exception {
        Webhook hook = new Webhook(c.webhook, c.secret, c.timeoutMs);
        RssSampler rss = new RssSampler(pid);
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
            CpuTime.Split before = CpuTime.split(pid);
            r.closed = new ClosedLoop(c, fake, hook, 100_000_000L, c.users).run();
            r.closedCpu = CpuTime.split(pid).minus(before);
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

    // ------------------------------------------------------------------ configuration

    static final class Args {
        final Map<String, String> values = new LinkedHashMap<>();

        static Args parse(String[] argv) {
            Args a = new Args();
            for (int i = 0; i < argv.length; i++) {
                if (!argv[i].startsWith("--")) throw new IllegalArgumentException("unexpected argument " + argv[i]);
                String key = argv[i].substring(2);
                if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
                    a.values.put(key, argv[++i]);
                } else {
                    a.values.put(key, "true");
                }
            }
            return a;
        }

        boolean has(String k) { return values.containsKey(k); }
        String get(String k) { return values.get(k); }
        String require(String k) {
            String v = values.get(k);
            if (v == null) throw new IllegalArgumentException("missing --" + k);
            return v;
        }
        int intValue(String k, int def) { return has(k) ? Integer.parseInt(get(k)) : def; }
    }

    static final class Config {
        String webhook, secret, out, props;
        int users, concurrency, rate, rateSeconds, warmupUsers, timeoutMs, replyTimeoutMs, maxSeconds, userIntervalMs, maxSteps;
        long seed;

        static Config from(Args a, int users, int conc, int rate, int rateSeconds, int warmup) {
            Config c = new Config();
            c.users = a.intValue("users", users);
            c.concurrency = a.intValue("concurrency", conc);
            c.rate = a.intValue("rate", rate);
            c.rateSeconds = a.intValue("rate-seconds", rateSeconds);
            c.warmupUsers = a.intValue("warmup-users", warmup);
            c.timeoutMs = a.intValue("timeout-ms", 10_000);
            c.replyTimeoutMs = a.intValue("reply-timeout-ms", 15_000);
            c.maxSeconds = a.intValue("max-seconds", 600);
            c.userIntervalMs = a.intValue("user-interval-ms", 1000);
            c.maxSteps = a.intValue("max-steps", 40);
            c.seed = a.has("seed") ? Long.parseLong(a.get("seed")) : 42L;
            c.out = a.get("out");
            c.props = a.get("props");
            return c;
        }
    }

    // ------------------------------------------------------------------ measurements

    /** Latency samples in nanoseconds. */
    static final class Samples {
        private long[] v = new long[4096];
        private int n;

        synchronized void add(long x) {
            if (n == v.length) v = Arrays.copyOf(v, n * 2);
            v[n++] = x;
        }

        synchronized long[] sorted() {
            long[] c = Arrays.copyOf(v, n);
            Arrays.sort(c);
            return c;
        }

        synchronized int size() { return n; }

        /** Nearest-rank percentile in milliseconds; NaN when empty. */
        static double pct(long[] sorted, double p) {
            if (sorted.length == 0) return Double.NaN;
            int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(idx, sorted.length - 1))] / 1e6;
        }
    }

    /** What one phase measured. */
    static final class Phase {
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

    static final class RssSampler {
        final long pid;
        volatile long peakKb = -1;
        private Thread thread;
        private volatile boolean running = true;

        RssSampler(long pid) { this.pid = pid; }

        void start() {
            if (pid <= 0) return;
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

        long readKb(String field) {
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

    /**
     * CPU time (user + system) from /proc, split by who spent it: the service, the PostgreSQL server
     * processes, and this driver with its fake Bot API. Per update, it says where a machine's cores
     * go, and varies far less from run to run than throughput on a shared machine.
     */
    static final class CpuTime {
        /** Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every common platform. */
        static final double MS_PER_TICK = 10.0;

        record Split(long serviceTicks, long postgresTicks, long driverTicks) {
            Split minus(Split o) {
                return new Split(serviceTicks - o.serviceTicks, postgresTicks - o.postgresTicks, driverTicks - o.driverTicks);
            }

            boolean known() { return serviceTicks >= 0 && postgresTicks >= 0 && driverTicks >= 0; }
        }

        static Split split(long servicePid) {
            long postgres = 0;
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path d : (Iterable<Path>) dirs::iterator) {
                    String name = d.getFileName().toString();
                    if (name.chars().allMatch(Character::isDigit) && "postgres".equals(command(d))) {
                        postgres += Math.max(0, ticks(d));
                    }
                }
            } catch (IOException | RuntimeException e) {
                postgres = -1;
            }
            long service = servicePid > 0 ? ticks(Path.of("/proc/" + servicePid)) : -1;
            return new Split(service, postgres, ticks(Path.of("/proc/" + ProcessHandle.current().pid())));
        }

        private static String command(Path proc) {
            try {
                String stat = Files.readString(proc.resolve("stat"));
                return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            } catch (IOException | RuntimeException e) {
                return "";
            }
        }

        /** utime + stime (fields 14 and 15 of /proc/pid/stat), or -1. */
        private static long ticks(Path proc) {
            try {
                String stat = Files.readString(proc.resolve("stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]); // f[0] is field 3 (state)
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
    }

    // ------------------------------------------------------------------ users

    /** What a simulated user sends next. */
    record Action(String text, String callbackData, long replyToMessageId) {
        static Action text(String t) { return new Action(t, null, 0); }
        static Action tap(String data, long messageId) { return new Action(null, data, messageId); }
    }

    /** A decision on the replies seen so far: act, wait for more, or the survey is done. */
    record Decision(Action action, boolean done) {
        static final Decision WAIT = new Decision(null, false);
        static final Decision DONE = new Decision(null, true);
    }

    /** One simulated Telegram user; not thread-safe (one owner at a time). */
    static final class User {
        final long chatId;
        final String lang;
        final SplittableRandom random;
        boolean answeredOpen;
        int steps;

        User(long chatId, long seed) {
            this.chatId = chatId;
            this.lang = LANGS[(int) Math.floorMod(chatId, (long) LANGS.length)];
            this.random = new SplittableRandom(seed ^ chatId * 0x9E3779B97F4A7C15L);
        }

        String chat() { return Long.toString(chatId); }

        /** Reacts to the last reply: its buttons if it has any; no buttons means "more is coming", or the end after the open answer. */
        Decision decide(Reply last) {
            if (last == null) return Decision.WAIT;
            List<String> buttons = last.buttons();
            if (buttons.isEmpty()) return answeredOpen ? Decision.DONE : Decision.WAIT;
            // After the open answer, anything but that question again (e.g. thanks with a "start again"
            // or "delete my data" button) ends the survey for this user.
            if (answeredOpen && !buttons.stream().allMatch(b -> b.endsWith(":skip"))) return Decision.DONE;
            for (String b : buttons) {
                if (b.equals("lang:" + lang)) return new Decision(Action.tap(b, last.messageId()), false);
            }
            if (buttons.get(0).startsWith("lang:")) return new Decision(Action.tap(buttons.get(0), last.messageId()), false);
            for (String b : buttons) {
                if (b.startsWith("a:") && b.endsWith(":yes")) return new Decision(Action.tap(b, last.messageId()), false);
            }
            if (buttons.stream().allMatch(b -> b.endsWith(":skip"))) {
                answeredOpen = true;
                return new Decision(Action.text(OPEN_TEXT.get(lang)), false);
            }
            List<String> scale = buttons.stream().filter(b -> b.matches("a:[^:]+:[1-5]")).toList();
            if (!scale.isEmpty()) {
                int roll = random.nextInt(100);
                if (roll < 5) {
                    for (String b : buttons) if (b.endsWith(":na")) return new Decision(Action.tap(b, last.messageId()), false);
                }
                String pick = scale.get(random.nextInt(scale.size()));
                if (roll >= 80) {
                    int digit = pick.charAt(pick.length() - 1) - '0';
                    return new Decision(Action.text(digits(digit)), false);
                }
                return new Decision(Action.tap(pick, last.messageId()), false);
            }
            List<String> rest = buttons.stream().filter(b -> !b.endsWith(":no") && !b.contains("stop")).toList();
            List<String> from = rest.isEmpty() ? buttons : rest;
            return new Decision(Action.tap(from.get(random.nextInt(from.size())), last.messageId()), false);
        }

        /** A typed number in the user's script: Arabic-Indic for ar, Persian for fa, ASCII otherwise. */
        String digits(int d) {
            if (lang.equals("ar")) return String.valueOf((char) ('\u0660' + d));
            if (lang.equals("fa")) return String.valueOf((char) ('\u06F0' + d));
            return Integer.toString(d);
        }

        String update(long updateId, Action a) {
            Map<String, Object> from = new LinkedHashMap<>();
            from.put("id", chatId);
            from.put("is_bot", false);
            from.put("first_name", "Bench");
            from.put("language_code", lang);
            Map<String, Object> chat = new LinkedHashMap<>();
            chat.put("id", chatId);
            chat.put("type", "private");
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("update_id", updateId);
            if (a.callbackData() != null) {
                Map<String, Object> msg = new LinkedHashMap<>();
                msg.put("message_id", a.replyToMessageId());
                msg.put("date", 1700000000L);
                msg.put("chat", chat);
                Map<String, Object> cq = new LinkedHashMap<>();
                cq.put("id", "cq" + updateId);
                cq.put("from", from);
                cq.put("message", msg);
                cq.put("chat_instance", "ci" + chatId);
                cq.put("data", a.callbackData());
                u.put("callback_query", cq);
            } else {
                Map<String, Object> msg = new LinkedHashMap<>();
                msg.put("message_id", updateId);
                msg.put("date", 1700000000L);
                msg.put("chat", chat);
                msg.put("from", from);
                msg.put("text", a.text());
                u.put("message", msg);
            }
            return Json.write(u);
        }
    }

    static final AtomicLong UPDATE_IDS = new AtomicLong(1_000_000L);

    /** Sends updates to the webhook. */
    static final class Webhook {
        final HttpClient client;
        final URI uri;
        final String secret;
        final Duration timeout;

        Webhook(String url, String secret, int timeoutMs) {
            this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            this.uri = URI.create(url);
            this.secret = secret;
            this.timeout = Duration.ofMillis(timeoutMs);
        }

        HttpRequest request(String body) {
            return HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("X-Telegram-Bot-Api-Secret-Token", secret)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        }
    }

    // ------------------------------------------------------------------ closed loop

    /** Each user's next update goes only after the fake has seen the reply it answers. */
    static final class ClosedLoop {
        final Config c;
        final FakeBotApi fake;
        final Webhook hook;
        final long chatBase;
        final int users;
        final Phase p = new Phase();

        ClosedLoop(Config c, FakeBotApi fake, Webhook hook, long chatBase, int users) {
            this.c = c;
            this.fake = fake;
            this.hook = hook;
            this.chatBase = chatBase;
            this.users = users;
        }

        Phase run() throws InterruptedException {
            ExecutorService pool = Executors.newFixedThreadPool(c.concurrency);
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(c.maxSeconds);
            for (int i = 0; i < c.concurrency; i++) {
                pool.execute(() -> {
                    int u;
                    while ((u = next.getAndIncrement()) < users && System.nanoTime() < deadline) {
                        try {
                            runUser(new User(chatBase + u, c.seed), deadline);
                        } catch (RuntimeException e) {
                            p.ioErrors.increment();
                            System.err.println("user " + u + ": " + e);
                        }
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(c.maxSeconds + 60L, TimeUnit.SECONDS)) pool.shutdownNow();
            p.seconds = (System.nanoTime() - start) / 1e9;
            p.users = Math.min(next.get(), users);
            return p;
        }

        void runUser(User user, long phaseDeadline) {
            ChatLog log = fake.chat(user.chat());
            Action action = Action.text("/start");
            for (user.steps = 0; user.steps < c.maxSteps; user.steps++) {
                if (System.nanoTime() > phaseDeadline) return;
                int before = log.size();
                String body = user.update(UPDATE_IDS.incrementAndGet(), action);
                long t0 = System.nanoTime();
                int status;
                try {
                    p.sent.increment();
                    status = hook.client.send(hook.request(body), HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (HttpTimeoutException e) {
                    p.timeouts.increment();
                    return;
                } catch (IOException e) {
                    p.ioErrors.increment();
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long t1 = System.nanoTime();
                if (status / 100 != 2) { // Telegram takes any 2xx as delivered
                    p.non200.increment();
                    p.status(status);
                    return;
                }
                p.acked.increment();
                p.ack.add(t1 - t0);
                long replyDeadline = t0 + TimeUnit.MILLISECONDS.toNanos(c.replyTimeoutMs);
                if (!log.awaitSize(before + 1, replyDeadline)) {
                    p.noReply.increment();
                    return;
                }
                p.reply.add(log.get(before).nanos() - t0);
                while (true) {
                    Decision d = user.decide(log.last());
                    if (d.done()) {
                        p.completed.increment();
                        return;
                    }
                    if (d.action() != null) {
                        action = d.action();
                        break;
                    }
                    if (!log.awaitSize(log.size() + 1, replyDeadline)) {
                        p.stalled.increment();
                        return;
                    }
                }
            }
            p.stalled.increment();
        }
    }

    // ------------------------------------------------------------------ open loop

    /**
     * Updates at a fixed rate, scheduled by the clock: user slots take turns, so each user sends
     * every {@code user-interval-ms}, reacting to whatever reply has arrived by then (or typing "3"
     * when none has). Ack latency is measured from the actual send and from the scheduled time.
     */
    static final class OpenLoop {
        final Config c;
        final FakeBotApi fake;
        final Webhook hook;
        final long chatBase;
        final Phase p = new Phase();

        OpenLoop(Config c, FakeBotApi fake, Webhook hook, long chatBase) {
            this.c = c;
            this.fake = fake;
            this.hook = hook;
            this.chatBase = chatBase;
        }

        record Sent(ChatLog log, int before, long nanos) {
        }

        Phase run() throws InterruptedException {
            if (c.rate <= 0 || c.rateSeconds <= 0) return p;
            int slots = Math.max(1, (int) Math.round(c.rate * c.userIntervalMs / 1000.0));
            User[] users = new User[slots];
            int[] seen = new int[slots];
            long nextChat = chatBase;
            long total = (long) c.rate * c.rateSeconds;
            double intervalNanos = 1e9 / c.rate;
            AtomicInteger inflight = new AtomicInteger();
            List<Sent> sentLog = new ArrayList<>((int) Math.min(total, 10_000_000));
            long start = System.nanoTime();
            for (long i = 0; i < total; i++) {
                long due = start + (long) (i * intervalNanos);
                long wait = due - System.nanoTime();
                if (wait > 0) LockSupport.parkNanos(wait);
                int s = (int) (i % slots);
                User u = users[s];
                Action action = null;
                if (u != null && u.steps < c.maxSteps) {
                    ChatLog log = fake.chat(u.chat());
                    int size = log.size();
                    if (size > seen[s]) {
                        Decision d = u.decide(log.last());
                        if (d.done()) {
                            p.completed.increment();
                            u = null;
                        } else {
                            action = d.action() != null ? d.action() : Action.text("3");
                        }
                    } else {
                        p.withoutFreshReply.increment();
                        action = Action.text("3");
                    }
                } else {
                    u = null;
                }
                if (u == null) {
                    u = new User(nextChat++, c.seed);
                    users[s] = u;
                    seen[s] = 0;
                    action = Action.text("/start");
                    p.users++;
                }
                u.steps++;
                ChatLog log = fake.chat(u.chat());
                seen[s] = log.size();
                String body = u.update(UPDATE_IDS.incrementAndGet(), action);
                long t0 = System.nanoTime();
                sentLog.add(new Sent(log, seen[s], t0));
                p.sent.increment();
                inflight.incrementAndGet();
                hook.client.sendAsync(hook.request(body), HttpResponse.BodyHandlers.discarding()).whenComplete((resp, err) -> {
                    long t1 = System.nanoTime();
                    inflight.decrementAndGet();
                    if (err != null) {
                        Throwable cause = err.getCause() != null ? err.getCause() : err;
                        if (cause instanceof HttpTimeoutException) p.timeouts.increment();
                        else p.ioErrors.increment();
                    } else if (resp.statusCode() / 100 != 2) {
                        p.non200.increment();
                        p.status(resp.statusCode());
                    } else {
                        p.acked.increment();
                        p.ack.add(t1 - t0);
                        p.ackFromSchedule.add(t1 - due);
                    }
                });
            }
            p.scheduleSeconds = (System.nanoTime() - start) / 1e9;
            long drainDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(c.timeoutMs + 5000L);
            while (inflight.get() > 0 && System.nanoTime() < drainDeadline) Thread.sleep(10);
            p.seconds = (System.nanoTime() - start) / 1e9;
            // Give the last replies a moment, then attribute to each update the first reply after it.
            Thread.sleep(Math.min(2000, c.replyTimeoutMs));
            for (Sent s : sentLog) {
                Reply r = s.log().firstAfter(s.before(), s.nanos());
                if (r != null) p.reply.add(r.nanos() - s.nanos());
                else p.noReply.increment();
            }
            return p;
        }
    }

    // ------------------------------------------------------------------ fake Telegram Bot API

    record Reply(long nanos, long messageId, String text, List<String> buttons) {
    }

    /** The sendMessage calls the fake has seen for one chat, in arrival order. */
    static final class ChatLog {
        private final List<Reply> replies = new ArrayList<>();

        synchronized void add(Reply r) {
            replies.add(r);
            notifyAll();
        }

        synchronized int size() { return replies.size(); }

        synchronized Reply get(int i) { return replies.get(i); }

        synchronized Reply last() { return replies.isEmpty() ? null : replies.get(replies.size() - 1); }

        synchronized Reply firstAfter(int index, long nanos) {
            for (int i = index; i < replies.size(); i++) {
                if (replies.get(i).nanos() >= nanos) return replies.get(i);
            }
            return null;
        }

        /** Waits until at least {@code n} replies are recorded; false on the deadline. */
        synchronized boolean awaitSize(int n, long deadlineNanos) {
            while (replies.size() < n) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) return false;
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    static final class FakeBotApi {
        final HttpServer server;
        final ExecutorService pool;
        final String prefix;
        final Map<String, ChatLog> chats = new ConcurrentHashMap<>();
        final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
        final LongAdder bad = new LongAdder();
        final AtomicLong messageIds = new AtomicLong(10);

        FakeBotApi(String token, int port, int threads) throws IOException {
            this.prefix = "/bot" + token + "/";
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
            pool = Executors.newFixedThreadPool(threads);
            server.setExecutor(pool);
            server.createContext("/", this::handle);
            server.start();
        }

        int port() { return server.getAddress().getPort(); }

        ChatLog chat(String chatId) { return chats.computeIfAbsent(chatId, k -> new ChatLog()); }

        long count(String method) {
            LongAdder a = calls.get(method);
            return a == null ? 0 : a.sum();
        }

        String callSummary() {
            Map<String, Long> m = new java.util.TreeMap<>();
            calls.forEach((k, v) -> m.put(k, v.sum()));
            return m.toString();
        }

        void stop() {
            server.stop(0);
            pool.shutdownNow();
        }

        private void handle(HttpExchange ex) throws IOException {
            long now = System.nanoTime();
            try (ex) {
                byte[] in = readAll(ex.getRequestBody());
                String path = ex.getRequestURI().getPath();
                if (!path.startsWith(prefix)) {
                    bad.increment();
                    respond(ex, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
                    return;
                }
                String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
                calls.computeIfAbsent(method, k -> new LongAdder()).increment();
                Map<String, Object> body;
                try {
                    body = in.length == 0 ? Map.of() : Json.asMap(Json.parse(new String(in, StandardCharsets.UTF_8)));
                } catch (RuntimeException e) {
                    bad.increment();
                    respond(ex, 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: can't parse JSON\"}");
                    return;
                }
                switch (method) {
                    case "sendmessage" -> sendMessage(ex, body, now);
                    case "getme" -> respond(ex, 200, "{\"ok\":true,\"result\":{\"id\":123456,\"is_bot\":true,\"first_name\":\"Stem\",\"username\":\"stem_bench_bot\"}}");
                    default -> respond(ex, 200, "{\"ok\":true,\"result\":true}");
                }
            } catch (RuntimeException e) {
                bad.increment();
                respond(ex, 500, "{\"ok\":false,\"error_code\":500,\"description\":\"fake failed\"}");
            }
        }

        private void sendMessage(HttpExchange ex, Map<String, Object> body, long now) throws IOException {
            Object chatId = body.get("chat_id");
            Object text = body.get("text");
            if (chatId == null || !(text instanceof String)) {
                bad.increment();
                respond(ex, 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat_id and text are required\"}");
                return;
            }
            String chat = chatId instanceof Number n ? Long.toString(n.longValue()) : chatId.toString();
            List<String> buttons = new ArrayList<>();
            Object markup = body.get("reply_markup");
            if (markup instanceof String s && !s.isBlank()) markup = Json.parse(s);
            if (markup instanceof Map<?, ?> m && m.get("inline_keyboard") instanceof List<?> rows) {
                for (Object row : rows) {
                    if (row instanceof List<?> cells) {
                        for (Object cell : cells) {
                            if (cell instanceof Map<?, ?> b && b.get("callback_data") instanceof String data) buttons.add(data);
                        }
                    }
                }
            }
            long id = messageIds.incrementAndGet();
            chat(chat).add(new Reply(now, id, (String) text, List.copyOf(buttons)));
            Map<String, Object> chatObj = new LinkedHashMap<>();
            chatObj.put("id", chatId instanceof Number n ? n.longValue() : parseLongOr(chat));
            chatObj.put("type", "private");
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("message_id", id);
            result.put("date", 1700000000L);
            result.put("chat", chatObj);
            result.put("text", text);
            respond(ex, 200, "{\"ok\":true,\"result\":" + Json.write(result) + "}");
        }

        private static Object parseLongOr(String s) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return s;
            }
        }
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

    // ------------------------------------------------------------------ stand-in service (self-test only)

    /**
     * A tiny stand-in for Stem that follows the webhook contract: checks the secret, de-duplicates on
     * update_id, answers 200 once its (in-memory) state is updated, then sends the replies to the fake
     * in order per chat: language menu, consent, info, 11 scale questions, the open question, thanks.
     */
    static final class StandIn {
        static final int QUESTIONS = 11;
        static final String[][] MENU = {{"ar", "العربية"}, {"fa", "فارسی"}, {"ti", "ትግርኛ"}, {"en", "English"},
                {"nl", "Nederlands"}, {"uk", "Українська"}, {"tr", "Türkçe"}};
        final HttpServer server;
        final ExecutorService handlers = Executors.newFixedThreadPool(16);
        final ExecutorService outbox = Executors.newFixedThreadPool(8);
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        final String secret;
        final String api;
        final Set<Long> seenUpdates = ConcurrentHashMap.newKeySet();
        final Map<String, Chat> chats = new ConcurrentHashMap<>();
        final LongAdder answers = new LongAdder(), duplicates = new LongAdder(), reprompts = new LongAdder(),
                callbacks = new LongAdder(), mismatches = new LongAdder();

        record Msg(String method, String json) {
        }

        /** One chat's survey position and its ordered send queue. */
        final class Chat {
            final String id;
            String state = "new";
            int question;
            boolean reprompted;
            final ArrayDeque<Msg> queue = new ArrayDeque<>();
            boolean draining;

            Chat(String id) { this.id = id; }

            void enqueue(List<Msg> msgs) {
                synchronized (this) {
                    queue.addAll(msgs);
                    if (draining) return;
                    draining = true;
                }
                outbox.execute(this::drain);
            }

            void drain() {
                while (true) {
                    Msg m;
                    synchronized (this) {
                        m = queue.poll();
                        if (m == null) {
                            draining = false;
                            return;
                        }
                    }
                    try {
                        HttpRequest req = HttpRequest.newBuilder(URI.create(api + m.method())).timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(m.json(), StandardCharsets.UTF_8)).build();
                        client.send(req, HttpResponse.BodyHandlers.ofString());
                    } catch (IOException e) {
                        System.err.println("stand-in send failed: " + e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        StandIn(String secret, String api) throws IOException {
            this.secret = secret;
            this.api = api;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            server.setExecutor(handlers);
            server.createContext("/webhooks/telegram", this::handle);
            server.start();
        }

        int port() { return server.getAddress().getPort(); }

        void stop() {
            server.stop(0);
            handlers.shutdownNow();
            outbox.shutdownNow();
        }

        private void handle(HttpExchange ex) throws IOException {
            try (ex) {
                byte[] in = readAll(ex.getRequestBody());
                if (!"POST".equals(ex.getRequestMethod())) {
                    respond(ex, 405, "{}");
                    return;
                }
                String given = ex.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token");
                if (given == null || !java.security.MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
                    respond(ex, 401, "{}");
                    return;
                }
                Map<String, Object> u;
                try {
                    u = Json.asMap(Json.parse(new String(in, StandardCharsets.UTF_8)));
                } catch (RuntimeException e) {
                    respond(ex, 400, "{}");
                    return;
                }
                long updateId = ((Number) u.get("update_id")).longValue();
                if (!seenUpdates.add(updateId)) {
                    duplicates.increment();
                    ex.sendResponseHeaders(200, -1);
                    return;
                }
                String chatId;
                String text = null, data = null, lang;
                List<Msg> out = new ArrayList<>();
                if (u.get("callback_query") instanceof Map<?, ?> cq) {
                    callbacks.increment();
                    data = (String) cq.get("data");
                    chatId = Json.at(cq, "message", "chat", "id").toString();
                    lang = (String) Json.at(cq, "from", "language_code");
                    out.add(new Msg("answerCallbackQuery", Json.write(Map.of("callback_query_id", cq.get("id"), "method", "answercallbackquery"))));
                } else if (u.get("message") instanceof Map<?, ?> m) {
                    text = (String) m.get("text");
                    chatId = Json.at(m, "chat", "id").toString();
                    lang = (String) Json.at(m, "from", "language_code");
                } else {
                    ex.sendResponseHeaders(200, -1);
                    return;
                }
                Chat chat = chats.computeIfAbsent(chatId, Chat::new);
                synchronized (chat) {
                    for (Object[] r : step(chat, text, data, lang)) {
                        out.add(send(chatId, (String) r[0], (List<?>) r[1]));
                    }
                }
                // "Commit" happened above; acknowledge, then the outbox sends.
                ex.sendResponseHeaders(200, -1);
                chat.enqueue(out);
            }
        }

        private Msg send(String chatId, String text, List<?> buttons) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("chat_id", chatId);
            m.put("text", text);
            if (!buttons.isEmpty()) {
                List<Object> rows = new ArrayList<>();
                List<Object> row = new ArrayList<>();
                for (Object b : buttons) {
                    String[] pair = (String[]) b;
                    Map<String, Object> cell = new LinkedHashMap<>();
                    cell.put("text", pair[1]);
                    cell.put("callback_data", pair[0]);
                    row.add(cell);
                    if (row.size() == 3) {
                        rows.add(row);
                        row = new ArrayList<>();
                    }
                }
                if (!row.isEmpty()) rows.add(row);
                m.put("reply_markup", Map.of("inline_keyboard", rows));
            }
            m.put("method", "sendmessage");
            return new Msg("sendmessage", Json.write(m));
        }

        private static Object[] reply(String text, String[]... buttons) {
            return new Object[]{text, List.of((Object[]) buttons)};
        }

        private static Object[] scale(int q) {
            String id = "help_" + q;
            List<String[]> b = new ArrayList<>();
            for (int v = 1; v <= 5; v++) b.add(new String[]{"a:" + id + ":" + v, String.valueOf((char) ('\u0660' + v))});
            b.add(new String[]{"a:" + id + ":na", "لا ينطبق"});
            return reply("السؤال " + (q + 1) + ": كيف ساعدتك \"المنظمة\" في إيجاد عمل؟\n\n١ = سيئ جدا … ٥ = جيد جدا", b.toArray(new String[0][]));
        }

        private static final Object[] CONSENT = reply("مرحبا! هذا الاستبيان عن \"العمل\" في هولندا.\nهل توافق؟ ✅",
                new String[]{"a:consent:yes", "نعم، أوافق"}, new String[]{"a:consent:no", "لا"});
        private static final Object[] INFO = reply("سنسأل عن 11 منظمة.\tقيّم من 1 إلى 5 — \\ 😀");
        private static final Object[] OPEN = reply("ما نصيحتك؟ (اختياري)", new String[]{"a:advice:skip", "تخطي"});
        private static final Object[] THANKS = reply("شكرا! 🙏 Dank je wel.");
        private static final Object[] REPROMPT = reply("الرجاء الاختيار من الأزرار.");
        private static final Object[] FINISHED = reply("لقد أنهيت الاستبيان.");

        private static Object[] menu() {
            String[][] b = new String[MENU.length][];
            for (int i = 0; i < MENU.length; i++) b[i] = new String[]{"lang:" + MENU[i][0], MENU[i][1]};
            return reply("اختر لغتك / Choose your language:", b);
        }

        /** The survey as a state machine; returns the replies as {text, buttons}. */
        private List<Object[]> step(Chat chat, String text, String data, String lang) {
            if (text != null && text.startsWith("/start")) {
                // A hint of nl starts in the source language at once; other hints get the menu.
                if ("nl".equals(lang)) {
                    chat.state = "consent";
                    return one(CONSENT);
                }
                chat.state = "lang";
                return one(menu());
            }
            switch (chat.state) {
                case "lang":
                    if (data != null && data.startsWith("lang:")) {
                        chat.state = "consent";
                        return one(CONSENT);
                    }
                    return reprompt(menu());
                case "consent":
                    if ("a:consent:yes".equals(data)) {
                        answers.increment();
                        chat.state = "scale";
                        chat.question = 0;
                        return List.of(INFO, scale(0));
                    }
                    if ("a:consent:no".equals(data)) {
                        chat.state = "done";
                        return one(THANKS);
                    }
                    return reprompt(CONSENT);
                case "scale": {
                    String prefix = "a:help_" + chat.question + ":";
                    boolean ok = data != null && data.startsWith(prefix);
                    if (!ok && text != null && text.length() == 1) {
                        int d = Character.digit(text.charAt(0), 10);
                        ok = d >= 1 && d <= 5;
                    }
                    if (!ok) return reprompt(scale(chat.question));
                    // Once per chat, a typed answer to the sixth question is re-prompted (a reply without
                    // buttons, then the question again), so the self-test covers the driver waiting it out.
                    if (text != null && chat.question == 5 && !chat.reprompted) {
                        chat.reprompted = true;
                        return reprompt(scale(chat.question));
                    }
                    answers.increment();
                    chat.question++;
                    if (chat.question < QUESTIONS) return one(scale(chat.question));
                    chat.state = "open";
                    return one(OPEN);
                }
                case "open":
                    if (text != null) {
                        if (!OPEN_TEXT.containsValue(text)) mismatches.increment();
                        answers.increment();
                    } else if (!"a:advice:skip".equals(data)) {
                        return reprompt(OPEN);
                    }
                    chat.state = "done";
                    return one(THANKS);
                case "done":
                    return one(FINISHED);
                default:
                    return reprompt(menu());
            }
        }

        private static List<Object[]> one(Object[] r) {
            List<Object[]> l = new ArrayList<>();
            l.add(r);
            return l;
        }

        private List<Object[]> reprompt(Object[] question) {
            reprompts.increment();
            return List.of(REPROMPT, question);
        }
    }

    // ------------------------------------------------------------------ report

    static final class Report {
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

    // ------------------------------------------------------------------ JSON

    /** Just enough JSON: objects, arrays, strings (all escapes, surrogate pairs), numbers, booleans, null. */
    static final class Json {
        static Object parse(String s) {
            Parser p = new Parser(s);
            p.ws();
            Object v = p.value();
            p.ws();
            if (p.i != s.length()) throw p.error("trailing characters");
            return v;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> asMap(Object o) {
            if (o instanceof Map<?, ?> m) return (Map<String, Object>) m;
            throw new IllegalArgumentException("not a JSON object");
        }

        static Object at(Object o, String... path) {
            for (String k : path) {
                if (!(o instanceof Map<?, ?> m)) return null;
                o = m.get(k);
            }
            return o;
        }

        static String write(Object o) {
            StringBuilder b = new StringBuilder();
            write(b, o);
            return b.toString();
        }

        private static void write(StringBuilder b, Object o) {
            if (o == null) {
                b.append("null");
            } else if (o instanceof String s) {
                quote(b, s);
            } else if (o instanceof Number || o instanceof Boolean) {
                b.append(o);
            } else if (o instanceof Map<?, ?> m) {
                b.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) b.append(',');
                    first = false;
                    quote(b, e.getKey().toString());
                    b.append(':');
                    write(b, e.getValue());
                }
                b.append('}');
            } else if (o instanceof List<?> l) {
                b.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) b.append(',');
                    write(b, l.get(i));
                }
                b.append(']');
            } else {
                throw new IllegalArgumentException("cannot write " + o.getClass());
            }
        }

        private static void quote(StringBuilder b, String s) {
            b.append('"');
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    case '\b' -> b.append("\\b");
                    case '\f' -> b.append("\\f");
                    default -> {
                        if (ch < 0x20) b.append(String.format("\\u%04x", (int) ch));
                        else b.append(ch);
                    }
                }
            }
            b.append('"');
        }

        static final class Parser {
            final String s;
            int i;

            Parser(String s) { this.s = s; }

            IllegalArgumentException error(String what) {
                return new IllegalArgumentException("JSON: " + what + " at " + i);
            }

            void ws() {
                while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\n' || s.charAt(i) == '\r' || s.charAt(i) == '\t')) i++;
            }

            Object value() {
                if (i >= s.length()) throw error("unexpected end");
                char ch = s.charAt(i);
                switch (ch) {
                    case '{': return object();
                    case '[': return array();
                    case '"': return string();
                    case 't': return literal("true", Boolean.TRUE);
                    case 'f': return literal("false", Boolean.FALSE);
                    case 'n': return literal("null", null);
                    default:
                        if (ch == '-' || (ch >= '0' && ch <= '9')) return number();
                        throw error("unexpected '" + ch + "'");
                }
            }

            Object literal(String word, Object v) {
                if (!s.startsWith(word, i)) throw error("bad literal");
                i += word.length();
                return v;
            }

            Map<String, Object> object() {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                ws();
                if (i < s.length() && s.charAt(i) == '}') {
                    i++;
                    return m;
                }
                while (true) {
                    ws();
                    if (i >= s.length() || s.charAt(i) != '"') throw error("expected key");
                    String k = string();
                    ws();
                    expect(':');
                    ws();
                    m.put(k, value());
                    ws();
                    if (i < s.length() && s.charAt(i) == ',') {
                        i++;
                        continue;
                    }
                    expect('}');
                    return m;
                }
            }

            List<Object> array() {
                List<Object> l = new ArrayList<>();
                i++;
                ws();
                if (i < s.length() && s.charAt(i) == ']') {
                    i++;
                    return l;
                }
                while (true) {
                    ws();
                    l.add(value());
                    ws();
                    if (i < s.length() && s.charAt(i) == ',') {
                        i++;
                        continue;
                    }
                    expect(']');
                    return l;
                }
            }

            void expect(char ch) {
                if (i >= s.length() || s.charAt(i) != ch) throw error("expected '" + ch + "'");
                i++;
            }

            String string() {
                expect('"');
                StringBuilder b = new StringBuilder();
                while (true) {
                    if (i >= s.length()) throw error("unterminated string");
                    char ch = s.charAt(i++);
                    if (ch == '"') return b.toString();
                    if (ch < 0x20) throw error("control character in string");
                    if (ch != '\\') {
                        b.append(ch);
                        continue;
                    }
                    if (i >= s.length()) throw error("unterminated escape");
                    char e = s.charAt(i++);
                    switch (e) {
                        case '"' -> b.append('"');
                        case '\\' -> b.append('\\');
                        case '/' -> b.append('/');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'n' -> b.append('\n');
                        case 'r' -> b.append('\r');
                        case 't' -> b.append('\t');
                        case 'u' -> {
                            if (i + 4 > s.length()) throw error("short \\u escape");
                            try {
                                b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            } catch (NumberFormatException x) {
                                throw error("bad \\u escape");
                            }
                            i += 4;
                        }
                        default -> throw error("bad escape \\" + e);
                    }
                }
            }

            Object number() {
                int start = i;
                if (s.charAt(i) == '-') i++;
                boolean fraction = false;
                while (i < s.length()) {
                    char ch = s.charAt(i);
                    if (ch >= '0' && ch <= '9') {
                        i++;
                    } else if (ch == '.' || ch == 'e' || ch == 'E' || ch == '+' || ch == '-') {
                        fraction = true;
                        i++;
                    } else {
                        break;
                    }
                }
                String t = s.substring(start, i);
                if (t.equals("-")) throw error("bad number");
                try {
                    if (!fraction) {
                        try {
                            return Long.parseLong(t);
                        } catch (NumberFormatException big) {
                            return new BigDecimal(t);
                        }
                    }
                    return Double.parseDouble(t);
                } catch (NumberFormatException x) {
                    throw error("bad number " + t);
                }
            }
        }

        /** Round trips and escapes that the harness relies on; fails loudly. */
        static void selfCheck() {
            String tricky = "q\"uote \\ back/slash\n\t\r\b\f \u0001 العربية ትግርኛ 😀 «»";
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("s", tricky);
            m.put("n", -1234567890123L);
            m.put("d", 1.5e3);
            m.put("l", List.of(true, false, Map.of()));
            m.put("z", null);
            Object back = parse(write(m));
            check(back.equals(m), "round trip: " + back);
            Object escaped = parse("{\"t\":\"\\u0627\\ud83d\\ude00\\/x\",\"a\":[ 1 , 2.0 ,\"\"] , \"o\" : { } }");
            check("\u0627\uD83D\uDE00/x".equals(at(escaped, "t")), "\\u escapes and surrogate pairs");
            check(List.of(1L, 2.0, "").equals(at(escaped, "a")), "array with spaces");
            Object chatId = at(parse("{\"chat\":{\"id\":-1001234567890}}"), "chat", "id");
            check(Long.valueOf(-1001234567890L).equals(chatId), "negative chat id");
            for (String bad : new String[]{"{", "{\"a\":}", "[1,]", "\"x", "{\"a\":1}x", "\"\\q\"", "tru"}) {
                try {
                    parse(bad);
                    check(false, "accepted bad JSON " + bad);
                } catch (IllegalArgumentException expected) {
                    // fine
                }
            }
            check(write("\u0000").equals("\"\\u0000\""), "control character escape");
            System.out.println("JSON self-check passed");
        }

        private static void check(boolean ok, String what) {
            if (!ok) throw new IllegalStateException("JSON self-check failed: " + what);
        }
    }
}
