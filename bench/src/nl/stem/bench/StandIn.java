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
 * A tiny stand-in for Stem that follows the webhook contract: checks the secret, de-duplicates on
 * update_id, answers 200 once its (in-memory) state is updated, then sends the replies to the fake
 * in order per chat: language menu, consent, info, 11 scale questions, the open question, thanks.
 */
final class StandIn {
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
