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
 * Sends updates to the webhook: with several instances ({@code --webhook} a comma-separated list),
 * to each in turn, as a round-robin load balancer would, so one chat's updates reach several.
 */
final class Webhook {
    final HttpClient client;
    final java.util.List<URI> uris;
    final String secret;
    final Duration timeout;
    private final java.util.concurrent.atomic.AtomicLong turn = new java.util.concurrent.atomic.AtomicLong();

    Webhook(String urls, String secret, int timeoutMs) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.uris = java.util.Arrays.stream(urls.split(",")).map(String::trim).filter(u -> !u.isEmpty()).map(URI::create).toList();
        this.secret = secret;
        this.timeout = Duration.ofMillis(timeoutMs);
    }

    HttpRequest request(String body) {
        URI uri = uris.get((int) Math.floorMod(turn.getAndIncrement(), (long) uris.size()));
        return HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", secret)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }
}
