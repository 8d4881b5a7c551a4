package nl.stem.channel.whatsapp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Steers and inspects {@link FakeTwilio} over its {@code /_fake/} endpoints. */
public final class FakeTwilioControl {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeTwilioControl() {
    }

    static String base() {
        return ConfigProvider.getConfig().getValue("stem.twilio.api-url", String.class);
    }

    /** Messages the fake accepted for {@code to}, in order. */
    public static List<Map<String, String>> messagesTo(String to) {
        return messages().stream().filter(m -> to.equals(m.get("To"))).toList();
    }

    public static List<Map<String, String>> messages() {
        try {
            return JSON.readValue(call("GET", "/_fake/messages", null), new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static int attempts() {
        return Integer.parseInt(call("GET", "/_fake/attempts", null));
    }

    /** The next {@code count} message requests get 500; with {@code afterAccepting}, the message is created first. */
    public static void failNext(int count, boolean afterAccepting) {
        call("POST", "/_fake/fail?count=" + count + "&afterAccepting=" + afterAccepting, new byte[0]);
    }

    /** The next message request gets {@code status} with Twilio error {@code code}. */
    public static void errorNext(int status, int code) {
        call("POST", "/_fake/error?status=" + status + "&code=" + code, new byte[0]);
    }

    /**
     * The next {@code count} message requests get an answer that is not Twilio's JSON: {@code html502},
     * {@code empty502}, {@code empty400}, or {@code truncated201} (the message is created, its answer cut).
     */
    public static void answerOddly(String kind, int count) {
        call("POST", "/_fake/odd?kind=" + kind + "&count=" + count, new byte[0]);
    }

    /** Serves {@code bytes} as media {@code id}; returns its MediaUrl as Twilio would send it. */
    static String media(String id, String type, byte[] bytes) {
        call("POST", "/_fake/media?id=" + id + "&type=" + type.replace("/", "%2F"), bytes);
        return base() + "/2010-04-01/Accounts/" + FakeTwilio.ACCOUNT_SID + "/Messages/MM" + id + "/Media/" + id;
    }

    private static String call(String method, String path, byte[] body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path));
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("fake answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
