package nl.stem.channel.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.restassured.RestAssured;

/**
 * Posts recorded Twilio payloads ({@code src/test/resources/whatsapp/*.form}) to the real endpoints.
 * {@code {{Name}}} placeholders are filled URL-encoded; the body goes exactly as written and is
 * signed for the public URL the service is configured with.
 */
public final class Webhooks {
    static final String PUBLIC_URL = "https://stem.example.test"; // %test.stem.public-url

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Webhooks() {
    }

    /** The recorded form with its placeholders filled, as sent on the wire. */
    static String form(String name, Map<String, String> values) {
        String form;
        try (InputStream in = Webhooks.class.getResourceAsStream("/whatsapp/" + name + ".form")) {
            form = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("no recorded payload " + name, e);
        }
        for (Map.Entry<String, String> v : values.entrySet()) {
            form = form.replace("{{" + v.getKey() + "}}", URLEncoder.encode(v.getValue(), StandardCharsets.UTF_8));
        }
        if (form.contains("{{")) {
            throw new IllegalStateException("unfilled placeholder in " + name + ": " + form);
        }
        return form;
    }

    /** Posts {@code form} to {@code path}, signed for {@code signedUrl} (normally the public URL of {@code path}). */
    public static Response post(String path, String form, String signature) {
        // Plain JDK client: the bytes go exactly as recorded (no re-encoding of the form).
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.getBytes(StandardCharsets.UTF_8)));
        if (signature != null) {
            b.header("X-Twilio-Signature", signature);
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the endpoint answered. */
    public record Response(int statusCode, String body, String contentType) {
        public String asString() {
            return body;
        }
    }

    public static String signature(String path, String form) {
        return TwilioSigner.sign(FakeTwilio.AUTH_TOKEN, PUBLIC_URL + path, FormBody.parse(form));
    }

    /** A recorded inbound message, signed correctly. */
    public static Response inbound(String name, Map<String, String> values) {
        String form = form(name, values);
        return post("/webhooks/twilio", form, signature("/webhooks/twilio", form));
    }

    /** A recorded status callback, signed correctly. */
    public static Response status(String name, Map<String, String> values) {
        String form = form(name, values);
        return post("/webhooks/twilio/status", form, signature("/webhooks/twilio/status", form));
    }
}
