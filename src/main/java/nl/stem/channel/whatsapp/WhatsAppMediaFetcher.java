package nl.stem.channel.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.media.MediaFetcher;
import nl.stem.media.MediaObject;

/**
 * Downloads WhatsApp media from Twilio: GET the MediaUrl with HTTP Basic auth (account SID and auth
 * token), then follow Twilio's redirect to the signed storage URL without the credentials. The
 * MediaUrl must be on the configured API host, so the credentials never go anywhere else.
 */
@ApplicationScoped
public class WhatsAppMediaFetcher implements MediaFetcher {
    static final int MAX_REDIRECTS = 5;

    @Inject
    TwilioConfig config;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public String channel() {
        return WhatsAppIdentities.CHANNEL;
    }

    @Override
    public Download open(MediaObject media) throws IOException, MediaFetchException {
        if (!config.active()) {
            throw new IOException("WhatsApp channel not configured");
        }
        URI url = parse(media.providerRef);
        URI api = URI.create(config.apiUrl());
        if (!sameOrigin(url, api)) {
            throw new MediaFetchException("media URL is not on the Twilio API host", true);
        }
        String auth = "Basic " + Base64.getEncoder().encodeToString(
                (config.accountSid().orElseThrow() + ":" + config.authToken().orElseThrow()).getBytes(StandardCharsets.UTF_8));
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(2)).GET();
            if (sameOrigin(url, api)) {
                b.header("Authorization", auth);
            }
            HttpResponse<InputStream> r;
            try {
                r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            int status = r.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                r.body().close();
                String location = r.headers().firstValue("Location").orElseThrow(() -> new IOException("redirect without Location"));
                url = parse(url.resolve(location).toString());
                continue;
            }
            if (status >= 200 && status < 300) {
                long length = r.headers().firstValueAsLong("Content-Length").orElse(-1);
                return new Download(r.body(), r.headers().firstValue("Content-Type").orElse(media.mimeType),
                        length >= 0 ? length : null);
            }
            r.body().close();
            if (status == 408 || status == 429 || status >= 500) {
                throw new IOException("Twilio media download answered " + status);
            }
            throw new MediaFetchException("Twilio media download answered " + status, true);
        }
        throw new MediaFetchException("too many redirects", true);
    }

    private static URI parse(String s) throws MediaFetchException {
        try {
            URI u = URI.create(s);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || u.getHost() == null) {
                throw new MediaFetchException("not an http(s) media URL", true);
            }
            return u;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MediaFetchException("not a media URL", true);
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }
}
