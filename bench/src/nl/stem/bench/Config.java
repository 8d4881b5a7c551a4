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

final class Config {
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
