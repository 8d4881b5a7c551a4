package nl.stem.channel.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The Bot API client, built once from {@code stem.telegram.*}: telegrambots' OkHttp client for
 * methods, and the same OkHttp client for file downloads (the library's own download ignores the
 * configured base URL). The token is part of every URL: never log a request URL.
 */
@ApplicationScoped
public class BotApi {
    private final TelegramConfig config;
    private final OkHttpClient http;
    private final TelegramClient client;
    private final String baseUrl;

    @Inject
    public BotApi(TelegramConfig config) {
        this.config = config;
        Dispatcher dispatcher = new Dispatcher();
        // OkHttp allows 5 concurrent calls per host by default; Telegram's limit is 30 messages/s.
        dispatcher.setMaxRequestsPerHost(32);
        this.http = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(60))
                .build();
        this.baseUrl = stripSlash(config.apiUrl());
        // The library's own mapper (made once here): the request objects are written its way.
        this.client = config.enabled()
                ? new OkHttpTelegramClient(http, config.botToken().orElseThrow(), telegramUrl(baseUrl))
                : null;
    }

    /** Whether a bot token is configured. */
    public boolean enabled() {
        return client != null;
    }

    /** The method client; only when {@link #enabled()}. */
    TelegramClient client() {
        if (client == null) {
            throw new IllegalStateException("Telegram is not configured (stem.telegram.bot-token)");
        }
        return client;
    }

    OkHttpClient http() {
        return http;
    }

    /** {@code <api-url>/file/bot<token>/<path>}: contains the token, never log it. */
    String fileUrl(String filePath) {
        return baseUrl + "/file/bot" + config.botToken().orElseThrow() + "/" + filePath;
    }

    @PreDestroy
    void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    static TelegramUrl telegramUrl(String apiUrl) {
        URI uri = URI.create(apiUrl);
        String scheme = uri.getScheme() == null ? "https" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("stem.telegram.api-url must be http(s)://host[:port], got a value without host or with another scheme");
        }
        if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
            throw new IllegalArgumentException("stem.telegram.api-url cannot have a path: the client builds /bot<token>/<method> from the host");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return TelegramUrl.builder().schema(scheme).host(uri.getHost()).port(port).build();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
