package nl.stem.channel.whatsapp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fake Twilio API on 127.0.0.1 for the tests: message creation (honouring
 * {@code I-Twilio-Idempotency-Token} like Twilio), error codes and 5xx on demand, and media behind
 * basic auth with a 307 redirect to the bytes. Tests steer and inspect it over HTTP
 * ({@code /_fake/...}, see {@link FakeTwilioControl}), which works whatever class loader runs them.
 */
public class FakeTwilio implements QuarkusTestResourceLifecycleManager {
    static final String ACCOUNT_SID = "ACtest00000000000000000000000000";
    static final String AUTH_TOKEN = "test-auth-token-not-a-secret";
    private static final Pattern MESSAGES = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages\\.json");
    private static final Pattern MEDIA = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages/[^/]+/Media/([^/]+)");

    private final ObjectMapper json = new ObjectMapper();
    private HttpServer server;

    /** Messages Twilio accepted (one per distinct idempotency token). */
    private final List<Map<String, String>> messages = new ArrayList<>();
    /** Token -> the response first given for it. */
    private final Map<String, String> byToken = new HashMap<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private int failNext;
    private boolean failAfterAccepting;
    private int errorStatus;
    /** Odd answers still to give, one per message request: html502, empty502, empty400, truncated201. */
    private final java.util.Deque<String> odd = new java.util.ArrayDeque<>();
    private int errorCode;
    private final Map<String, byte[]> media = new HashMap<>();
    private final Map<String, String> mediaTypes = new HashMap<>();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        String base = "http://localhost:" + server.getAddress().getPort();
        return Map.of("stem.twilio.api-url", base);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private synchronized void handle(HttpExchange x) throws IOException {
        try {
            String path = x.getRequestURI().getPath();
            Matcher m;
            if (path.startsWith("/_fake/")) {
                control(x, path.substring("/_fake/".length()));
            } else if ((m = MESSAGES.matcher(path)).matches() && x.getRequestMethod().equals("POST")) {
                createMessage(x, m.group(1));
            } else if ((m = MEDIA.matcher(path)).matches() && x.getRequestMethod().equals("GET")) {
                if (!authorised(x) || !m.group(1).equals(ACCOUNT_SID)) {
                    send(x, 401, "application/json", "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
                } else if (!media.containsKey(m.group(2))) {
                    send(x, 404, "application/json", "{\"code\":20404,\"message\":\"Not found\",\"status\":404}");
                } else {
                    // Like Twilio: to a signed storage URL on another host (here 127.0.0.1 rather than localhost).
                    x.getResponseHeaders().add("Location", "http://127.0.0.1:" + server.getAddress().getPort()
                            + "/_storage/" + m.group(2) + "?signature=abc");
                    send(x, 307, "text/plain", "");
                }
            } else if (path.startsWith("/_storage/")) {
                String id = path.substring("/_storage/".length());
                if (x.getRequestHeaders().containsKey("Authorization")) {
                    send(x, 400, "text/plain", "credentials must not follow the redirect");
                } else if (!media.containsKey(id)) {
                    send(x, 404, "text/plain", "gone");
                } else {
                    sendBytes(x, 200, mediaTypes.get(id), media.get(id));
                }
            } else {
                send(x, 404, "text/plain", "no such fake endpoint");
            }
        } catch (RuntimeException e) {
            send(x, 599, "text/plain", e.toString());
        }
    }

    private void createMessage(HttpExchange x, String sid) throws IOException {
        attempts.incrementAndGet();
        if (!authorised(x) || !sid.equals(ACCOUNT_SID)) {
            send(x, 401, "application/json", "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
            return;
        }
        String token = x.getRequestHeaders().getFirst("I-Twilio-Idempotency-Token");
        Map<String, String> form = FormBody.parse(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (token != null && byToken.containsKey(token)) {
            // Twilio answers a repeated token with the first result and sends nothing new.
            send(x, 201, "application/json", byToken.get(token));
            return;
        }
        String oddAnswer = odd.poll();
        if (oddAnswer != null && !oddAnswer.equals("truncated201")) {
            switch (oddAnswer) {
                case "html502" -> send(x, 502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");
                case "empty502" -> send(x, 502, "text/plain", "");
                case "empty400" -> send(x, 400, "text/plain", "");
                default -> send(x, 599, "text/plain", "unknown odd answer " + oddAnswer);
            }
            return;
        }
        if (errorStatus != 0) {
            int status = errorStatus;
            errorStatus = 0;
            send(x, status, "application/json", "{\"code\":" + errorCode + ",\"message\":\"Fake error " + errorCode
                    + "\",\"more_info\":\"https://www.twilio.com/docs/errors/" + errorCode + "\",\"status\":" + status + "}");
            return;
        }
        boolean fail = failNext > 0;
        if (fail) {
            failNext--;
            if (!failAfterAccepting) {
                send(x, 500, "application/json", "{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}");
                return;
            }
        }
        String messageSid = "SM" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> recorded = new LinkedHashMap<>(form);
        recorded.put("sid", messageSid);
        recorded.put("token", token == null ? "" : token);
        messages.add(recorded);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sid", messageSid);
        body.put("account_sid", ACCOUNT_SID);
        body.put("to", form.get("To"));
        body.put("from", form.get("From"));
        body.put("body", form.get("Body"));
        body.put("status", "queued");
        body.put("num_media", "0");
        String response = json.writeValueAsString(body);
        if (token != null) {
            byToken.put(token, response);
        }
        if ("truncated201".equals(oddAnswer)) {
            // Accepted, and the answer cut halfway: the resend with the same token gets the whole answer.
            send(x, 201, "application/json", response.substring(0, response.length() / 2));
        } else if (fail) {
            // Accepted, then the answer was lost: the worst case for a resend.
            send(x, 500, "application/json", "{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}");
        } else {
            send(x, 201, "application/json", response);
        }
    }

    private void control(HttpExchange x, String what) throws IOException {
        Map<String, String> q = FormBody.parse(x.getRequestURI().getRawQuery() == null ? "" : x.getRequestURI().getRawQuery());
        switch (what) {
            case "messages" -> send(x, 200, "application/json", json.writeValueAsString(messages));
            case "attempts" -> send(x, 200, "text/plain", Integer.toString(attempts.get()));
            case "fail" -> {
                failNext = Integer.parseInt(q.get("count"));
                failAfterAccepting = Boolean.parseBoolean(q.getOrDefault("afterAccepting", "false"));
                send(x, 200, "text/plain", "ok");
            }
            case "error" -> {
                errorStatus = Integer.parseInt(q.get("status"));
                errorCode = Integer.parseInt(q.get("code"));
                send(x, 200, "text/plain", "ok");
            }
            case "odd" -> {
                for (int i = 0; i < Integer.parseInt(q.get("count")); i++) {
                    odd.add(q.get("kind"));
                }
                send(x, 200, "text/plain", "ok");
            }
            case "media" -> {
                media.put(q.get("id"), x.getRequestBody().readAllBytes());
                mediaTypes.put(q.get("id"), q.get("type"));
                send(x, 200, "text/plain", "ok");
            }
            default -> send(x, 404, "text/plain", "unknown control " + what);
        }
    }

    private static boolean authorised(HttpExchange x) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        return expected.equals(x.getRequestHeaders().getFirst("Authorization"));
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        sendBytes(x, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendBytes(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().add("Content-Type", type);
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }
}
