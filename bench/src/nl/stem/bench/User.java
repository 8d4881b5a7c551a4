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

/** One simulated Telegram user; not thread-safe (one owner at a time). */
final class User {
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
