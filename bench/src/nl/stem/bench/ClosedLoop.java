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

/** Each user's next update goes only after the fake has seen the reply it answers. */
final class ClosedLoop {
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
