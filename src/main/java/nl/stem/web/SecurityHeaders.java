package nl.stem.web;

import io.vertx.core.MultiMap;

/**
 * The headers every page and answer carries, set once for all routes by {@link WebGuards} (pages,
 * the API, webhooks, static files, errors). Pages load scripts and styles only from Stem's own files
 * (under {@code META-INF/resources}, the ECharts webjar included), never inline, so an injected
 * {@code <script>} or {@code onclick} cannot run; no other site may frame a page (clickjacking);
 * browsers take each answer as the type it says it is; no address (a preview chat's token is in
 * its URL) leaves in a Referer; and no page, API answer or download (they may hold answers, voices or
 * identities) is kept by a browser or proxy ({@code Cache-Control: no-store}).
 */
final class SecurityHeaders {
    /**
     * {@code style-src-attr 'unsafe-inline'}: ECharts' SVG renderer sets {@code style} attributes on
     * the elements it draws; style attributes cannot run script, and {@code <style>} elements stay refused.
     * {@code blob:} media: the preview plays back a voice note recorded in the browser.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "style-src-attr 'unsafe-inline'",
            "img-src 'self' data:",
            "media-src 'self' blob:",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private SecurityHeaders() {
    }

    /** Adds the headers an answer does not set itself. */
    static void apply(MultiMap headers) {
        setIfAbsent(headers, "Content-Security-Policy", CONTENT_SECURITY_POLICY);
        setIfAbsent(headers, "X-Frame-Options", "DENY");
        setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        setIfAbsent(headers, "Referrer-Policy", "no-referrer");
        setIfAbsent(headers, "Permissions-Policy", "camera=(), geolocation=(), microphone=(self)");
        // Pages, API answers and downloads may hold answers or identities: no browser or proxy keeps a copy.
        // Scripts, styles and fonts stay cacheable.
        String type = headers.get("Content-Type");
        if (type != null && PRIVATE_TYPES.matcher(type).lookingAt()) {
            setIfAbsent(headers, "Cache-Control", "no-store");
        }
    }

    private static final java.util.regex.Pattern PRIVATE_TYPES = java.util.regex.Pattern.compile(
            "(text/html|application/json|application/problem\\+json|text/csv|application/zip|text/plain|audio/|video/|image/)",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    private static void setIfAbsent(MultiMap headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }
}
