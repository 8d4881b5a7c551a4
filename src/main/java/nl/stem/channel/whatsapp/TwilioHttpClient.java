package nl.stem.channel.whatsapp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient.Redirect;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.twilio.constant.EnumConstants;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * twilio-java's transport, replaced: every request is rebuilt against {@code stem.twilio.api-url}
 * (the SDK has no base-URL setting) and carries Stem's idempotency key as
 * {@code I-Twilio-Idempotency-Token}.
 *
 * <p>The SDK's own retries are switched off ({@link #reliableRequest} makes one attempt): a 5xx or
 * timeout goes back to the outbox sender as a Retry, so every resend is counted in
 * {@code outbox.attempts}, spaced by its backoff, and carries the same key.
 */
final class TwilioHttpClient extends HttpClient {
    static final String IDEMPOTENCY_HEADER = "I-Twilio-Idempotency-Token";
    private static final ThreadLocal<String> IDEMPOTENCY_KEY = new ThreadLocal<>();

    private final URI base;
    private final java.net.http.HttpClient http;

    TwilioHttpClient(String apiUrl) {
        this.base = URI.create(apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl);
        this.http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(Redirect.NEVER).build();
    }

    /** Runs {@code call} (one SDK call, on this thread) with {@code key} on its requests. */
    static <T> T withIdempotencyKey(String key, java.util.function.Supplier<T> call) {
        IDEMPOTENCY_KEY.set(key);
        try {
            return call.get();
        } finally {
            IDEMPOTENCY_KEY.remove();
        }
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        URI original = URI.create(request.constructURL().toString());
        URI target = base.resolve(original.getRawPath() + (original.getRawQuery() == null ? "" : "?" + original.getRawQuery()));
        HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        for (Map.Entry<String, List<String>> h : request.getHeaderParams().entrySet()) {
            for (String v : h.getValue()) {
                b.header(h.getKey(), v);
            }
        }
        if (request.requiresAuthentication()) {
            b.header("Authorization", request.getAuthString());
        }
        String key = IDEMPOTENCY_KEY.get();
        if (key != null) {
            b.header(IDEMPOTENCY_HEADER, key);
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        String method = request.getMethod().name();
        if (method.equals("POST") || method.equals("PUT")) {
            if (request.getContentType() == EnumConstants.ContentType.JSON) {
                b.header("Content-Type", "application/json");
                body = HttpRequest.BodyPublishers.ofString(request.getBody() == null ? "" : request.getBody(), StandardCharsets.UTF_8);
            } else {
                b.header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
                body = HttpRequest.BodyPublishers.ofString(request.encodeFormBody(), StandardCharsets.UTF_8);
            }
        }
        try {
            HttpResponse<String> r = http.send(b.method(method, body).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.body(), r.statusCode());
        } catch (IOException e) {
            throw new ApiException("Twilio could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("Interrupted while calling Twilio", e);
        }
    }
}
