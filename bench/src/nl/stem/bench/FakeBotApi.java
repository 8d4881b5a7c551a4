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

final class FakeBotApi {
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
