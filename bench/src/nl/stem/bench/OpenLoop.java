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

/**
 * Updates at a fixed rate, scheduled by the clock: user slots take turns, so each user sends
 * every {@code user-interval-ms}, reacting to whatever reply has arrived by then (or typing "3"
 * when none has). Ack latency is measured from the actual send and from the scheduled time.
 */
final class OpenLoop {
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
