package nl.stem.channel.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fake Telegram Bot API on 127.0.0.1 for tests: {@code /bot<token>/<method>} (method names
 * matched case-insensitively, as telegrambots spells them inconsistently) and
 * {@code GET /file/bot<token>/<path>}. Records every call, serves files registered by a test, and
 * fails on demand (the next N calls of a method with 429/500/403; downloads of a file always).
 * One per test JVM, on the fixed port that {@code %test.stem.telegram.api-url} names (system
 * property {@code fakebotapi.port}, default 18443). Thread-safe.
 */
public final class FakeBotApi {
    public static final String TOKEN = "123456:TEST";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeBotApi instance;

    /** One call the fake received. {@code method} is lower case; {@code json} is null for non-JSON bodies (multipart setWebhook). */
    public record Call(String method, String body, JsonNode json, Instant at) {
        public String chatId() {
            return json == null || !json.hasNonNull("chat_id") ? null : json.get("chat_id").asText();
        }

        public String text() {
            return json == null || !json.hasNonNull("text") ? null : json.get("text").asText();
        }

        /** The callback data of the inline keyboard's buttons, row by row flattened. */
        public List<String> callbackData() {
            List<String> out = new ArrayList<>();
            JsonNode kb = json == null ? null : json.path("reply_markup").path("inline_keyboard");
            if (kb != null) {
                kb.forEach(row -> row.forEach(b -> out.add(b.path("callback_data").asText())));
            }
            return out;
        }
    }

    /**
     * Answers that are not the Bot API's JSON, as Telegram's edge, proxies and cut connections give
     * them; telegrambots reports all but {@code DROPPED} as error code 0.
     */
    public enum OddAnswer {
        /** 502 with the HTML page of a gateway. */
        HTML_502,
        /** 200 with no body at all. */
        EMPTY_200,
        /** 502 with no body. */
        EMPTY_502,
        /** 200 whose JSON stops halfway (the framing is intact). */
        TRUNCATED_200,
        /** Telegram's JSON shape, but {@code error_code} 0 and no description. */
        ERROR_CODE_0,
        /** The connection is closed without an answer. */
        DROPPED
    }

    private record Failure(int status, Integer retryAfter, OddAnswer odd) {
        Failure(int status, Integer retryAfter) {
            this(status, retryAfter, null);
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Failure>> failures = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Integer> brokenDownloads = new ConcurrentHashMap<>();
    private final AtomicInteger messageIds = new AtomicInteger(1000);

    private FakeBotApi(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "fake-bot-api");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The shared fake, started on first use. */
    public static synchronized FakeBotApi get() {
        if (instance == null) {
            int port = Integer.parseInt(System.getProperty("fakebotapi.port", "18443"));
            try {
                instance = new FakeBotApi(port);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the fake Bot API on 127.0.0.1:" + port
                        + " (set -Dfakebotapi.port to a free port)", e);
            }
        }
        return instance;
    }

    // ---- programming ------------------------------------------------------------------

    /** The next {@code times} calls of {@code method} fail with {@code status} (429 carries {@code retryAfter}). */
    public void failNext(String method, int times, int status, Integer retryAfter) {
        Deque<Failure> q = failures.computeIfAbsent(method.toLowerCase(Locale.ROOT), m -> new ArrayDeque<>());
        synchronized (q) {
            for (int i = 0; i < times; i++) {
                q.add(new Failure(status, retryAfter));
            }
        }
    }

    /**
     * The next {@code times} calls of {@code method} to one chat fail with {@code status}: unlike
     * {@link #failNext}, a late message to another test's chat cannot take the failure.
     */
    public void failNextTo(String chatId, String method, int times, int status, Integer retryAfter) {
        failNext(method + "@" + chatId, times, status, retryAfter);
    }

    /** The next {@code times} calls of {@code method} to one chat get {@code odd} instead of the Bot API's answer. */
    public void answerOddlyTo(String chatId, String method, int times, OddAnswer odd) {
        Deque<Failure> q = failures.computeIfAbsent((method + "@" + chatId).toLowerCase(Locale.ROOT), m -> new ArrayDeque<>());
        synchronized (q) {
            for (int i = 0; i < times; i++) {
                q.add(new Failure(0, null, odd));
            }
        }
    }

    /** The next {@code passes} calls of {@code method} succeed, the one after fails with {@code status}. */
    public void passThenFail(String method, int passes, int status) {
        Deque<Failure> q = failures.computeIfAbsent(method.toLowerCase(Locale.ROOT), m -> new ArrayDeque<>());
        synchronized (q) {
            for (int i = 0; i < passes; i++) {
                q.add(new Failure(0, null));
            }
            q.add(new Failure(status, null));
        }
    }

    /** Serves {@code bytes} for getFile({@code fileId}) and its download. */
    public void registerFile(String fileId, byte[] bytes) {
        files.put(fileId, bytes.clone());
    }

    /** Downloads of {@code fileId} always answer {@code status} (getFile still works). */
    public void breakDownload(String fileId, int status) {
        brokenDownloads.put(fileId, status);
    }

    // ---- inspection -------------------------------------------------------------------

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public List<Call> calls(String method) {
        String m = method.toLowerCase(Locale.ROOT);
        return calls().stream().filter(c -> c.method().equals(m)).toList();
    }

    /** sendMessage calls to {@code chatId}, in the order received. */
    public List<Call> messagesTo(String chatId) {
        return calls("sendmessage").stream().filter(c -> chatId.equals(c.chatId())).toList();
    }

    /** Waits until at least {@code n} sendMessage calls to {@code chatId} were seen; returns them all. */
    public List<Call> awaitMessagesTo(String chatId, int n, Duration timeout) throws InterruptedException {
        return awaitCalls(() -> messagesTo(chatId), n, timeout, "sendMessage to a test chat");
    }

    /** Waits until at least {@code n} calls of {@code method} were seen. */
    public List<Call> awaitCalls(String method, int n, Duration timeout) throws InterruptedException {
        return awaitCalls(() -> calls(method), n, timeout, method);
    }

    /** Waits until a call of {@code method} whose JSON has {@code field} = {@code value} was seen. */
    public Call awaitCall(String method, String field, String value, Duration timeout) throws InterruptedException {
        return awaitCalls(() -> calls(method).stream().filter(c -> c.json() != null && value.equals(c.json().path(field).asText(null))).toList(),
                1, timeout, method + " with " + field).get(0);
    }

    private List<Call> awaitCalls(java.util.function.Supplier<List<Call>> query, int n, Duration timeout, String what) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        List<Call> seen = query.get();
        while (seen.size() < n) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("Expected " + n + " calls of " + what + ", saw " + seen.size());
            }
            Thread.sleep(20);
            seen = query.get();
        }
        return seen;
    }

    // ---- serving ----------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (path.startsWith("/file/bot")) {
                download(ex, path.substring("/file/bot".length()));
                return;
            }
            if (!path.startsWith("/bot" + TOKEN + "/")) {
                error(ex, 401, "Unauthorized", null);
                return;
            }
            String method = path.substring(("/bot" + TOKEN + "/").length()).toLowerCase(Locale.ROOT);
            String text = new String(body, StandardCharsets.UTF_8);
            JsonNode json = null;
            try {
                json = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            } catch (IOException e) {
                // Multipart (setWebhook, sendVoice with a file): recorded as text, its fields as JSON.
                String type = ex.getRequestHeaders().getFirst("Content-Type");
                json = type != null && type.startsWith("multipart/form-data") ? multipartFields(type, body) : null;
            }
            synchronized (calls) {
                calls.add(new Call(method, text, json, Instant.now()));
            }
            String chat = json == null ? null : json.path("chat_id").asText(null);
            Failure failure = chat == null ? null : nextFailure(method + "@" + chat);
            if (failure == null) {
                failure = nextFailure(method);
            }
            if (failure != null && failure.odd() != null) {
                odd(ex, failure.odd());
                return;
            }
            if (failure != null && failure.status() != 0) {
                error(ex, failure.status(), failure.status() == 429 ? "Too Many Requests: retry after " + failure.retryAfter()
                        : failure.status() == 403 ? "Forbidden: bot was blocked by the user" : "Internal Server Error", failure.retryAfter());
                return;
            }
            switch (method) {
                case "sendmessage" -> ok(ex, sentMessage(json));
                case "getfile" -> getFile(ex, json);
                case "sendvoice" -> ok(ex, sentVoice(json));
                default -> ok(ex, JSON.getNodeFactory().booleanNode(true));
            }
        } catch (RuntimeException e) {
            error(ex, 500, "fake failed: " + e, null);
        }
    }

    private Failure nextFailure(String method) {
        Deque<Failure> q = failures.get(method);
        if (q == null) {
            return null;
        }
        synchronized (q) {
            return q.poll();
        }
    }

    private JsonNode sentMessage(JsonNode request) {
        ObjectNode m = JSON.createObjectNode();
        m.put("message_id", messageIds.incrementAndGet());
        m.put("date", Instant.now().getEpochSecond());
        ObjectNode chat = m.putObject("chat");
        chat.put("id", request == null ? 0 : request.path("chat_id").asLong());
        chat.put("type", "private");
        if (request != null && request.has("text")) {
            m.set("text", request.get("text"));
        }
        return m;
    }

    /**
     * A sent voice note: a new file_id for an uploaded file ({@code voice} is "upload:<bytes>"),
     * the same one when the request named a file_id.
     */
    private JsonNode sentVoice(JsonNode request) {
        ObjectNode m = (ObjectNode) sentMessage(request);
        String voice = request == null ? "" : request.path("voice").asText("");
        if (voice.startsWith("attach://")) {
            // telegrambots uploads the file as its own part and names it: attach://<part>.
            voice = request.path(voice.substring("attach://".length())).asText("");
            ((ObjectNode) request).put("voice", voice);
        }
        ObjectNode v = m.putObject("voice");
        v.put("file_id", voice.startsWith("upload:") ? "voice-file-" + messageIds.get() : voice);
        v.put("file_unique_id", "uv" + messageIds.get());
        v.put("duration", request == null ? 0 : request.path("duration").asInt(0));
        v.put("mime_type", "audio/ogg");
        return m;
    }

    /** The fields of a multipart body: text fields as they are, a file as {@code "upload:<size>"}. */
    private static ObjectNode multipartFields(String contentType, byte[] body) {
        ObjectNode out = JSON.createObjectNode();
        int b = contentType.indexOf("boundary=");
        if (b < 0) {
            return out;
        }
        String boundary = "--" + contentType.substring(b + "boundary=".length()).replace("\"", "").split(";")[0].strip();
        String all = new String(body, StandardCharsets.ISO_8859_1);
        for (String part : all.split(java.util.regex.Pattern.quote(boundary))) {
            int headerEnd = part.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headerEnd);
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("name=\"([^\"]+)\"").matcher(headers);
            if (!name.find()) {
                continue;
            }
            String value = part.substring(headerEnd + 4);
            if (value.endsWith("\r\n")) {
                value = value.substring(0, value.length() - 2);
            }
            if (headers.contains("filename=")) {
                out.put(name.group(1), "upload:" + value.length());
            } else {
                out.put(name.group(1), new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private void getFile(HttpExchange ex, JsonNode request) throws IOException {
        String fileId = request == null ? null : request.path("file_id").asText(null);
        byte[] bytes = fileId == null ? null : files.get(fileId);
        if (bytes == null) {
            error(ex, 400, "Bad Request: invalid file_id", null);
            return;
        }
        ObjectNode f = JSON.createObjectNode();
        f.put("file_id", fileId);
        f.put("file_unique_id", "u" + Integer.toHexString(fileId.hashCode()));
        f.put("file_size", bytes.length);
        f.put("file_path", "voice/" + fileId + ".oga");
        ok(ex, f);
    }

    private void download(HttpExchange ex, String rest) throws IOException {
        if (!rest.startsWith(TOKEN + "/voice/") || !rest.endsWith(".oga")) {
            ex.sendResponseHeaders(404, -1);
            return;
        }
        String fileId = rest.substring((TOKEN + "/voice/").length(), rest.length() - ".oga".length());
        synchronized (calls) {
            calls.add(new Call("download", fileId, null, Instant.now()));
        }
        Integer broken = brokenDownloads.get(fileId);
        byte[] bytes = files.get(fileId);
        if (broken != null || bytes == null) {
            ex.sendResponseHeaders(broken != null ? broken : 404, -1);
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void odd(HttpExchange ex, OddAnswer odd) throws IOException {
        switch (odd) {
            case HTML_502 -> raw(ex, 502, "text/html", "<html><head><title>502 Bad Gateway</title></head><body>"
                    + "<center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>");
            case EMPTY_200 -> raw(ex, 200, "application/json", "");
            case EMPTY_502 -> raw(ex, 502, "text/plain", "");
            case TRUNCATED_200 -> raw(ex, 200, "application/json", "{\"ok\":true,\"result\":{\"message_id\":4");
            case ERROR_CODE_0 -> raw(ex, 200, "application/json", "{\"ok\":false,\"error_code\":0}");
            case DROPPED -> {
                // No status line: closing the exchange now closes the connection.
            }
        }
    }

    private static void raw(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void ok(HttpExchange ex, JsonNode result) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("ok", true);
        body.set("result", result);
        write(ex, 200, body);
    }

    private static void error(HttpExchange ex, int status, String description, Integer retryAfter) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("ok", false);
        body.put("error_code", status);
        body.put("description", description);
        if (retryAfter != null) {
            body.putObject("parameters").put("retry_after", retryAfter);
        }
        write(ex, status, body);
    }

    private static void write(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
