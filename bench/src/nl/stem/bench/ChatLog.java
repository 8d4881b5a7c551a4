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

/** The sendMessage calls the fake has seen for one chat, in arrival order. */
final class ChatLog {
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
