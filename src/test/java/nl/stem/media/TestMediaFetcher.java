package nl.stem.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A media fetcher for tests, channel {@code testchan}: serves scripted downloads per provider ref,
 * fails a number of times first, or fails permanently. Counts opens per ref.
 */
@ApplicationScoped
public class TestMediaFetcher implements MediaFetcher {
    public static final String CHANNEL = "testchan";

    /** What the provider does for one ref. */
    public record Script(byte[] bytes, long generatedLength, String contentType, Long declaredSize,
                         int transientFailures, boolean permanent) {
    }

    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> opens = new ConcurrentHashMap<>();

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Download open(MediaObject media) throws IOException, MediaFetchException {
        int n = opens.computeIfAbsent(media.providerRef, r -> new AtomicInteger()).incrementAndGet();
        Script s = scripts.get(media.providerRef);
        if (s == null) {
            throw new MediaFetchException("test: unknown file", true);
        }
        if (s.permanent()) {
            throw new MediaFetchException("test: 404 file gone", true);
        }
        if (n <= s.transientFailures()) {
            throw new MediaFetchException("test: 502", false);
        }
        InputStream content = s.bytes() != null ? new ByteArrayInputStream(s.bytes()) : zeros(s.generatedLength());
        return new Download(content, s.contentType(), s.declaredSize());
    }

    public void serve(String ref, byte[] bytes, String contentType) {
        scripts.put(ref, new Script(bytes, 0, contentType, (long) bytes.length, 0, false));
    }

    public void serveAfterFailures(String ref, byte[] bytes, String contentType, int failures) {
        scripts.put(ref, new Script(bytes, 0, contentType, (long) bytes.length, failures, false));
    }

    /** Serves {@code length} zero bytes while declaring {@code declaredSize} (null = unknown). */
    public void serveGenerated(String ref, long length, String contentType, Long declaredSize) {
        scripts.put(ref, new Script(null, length, contentType, declaredSize, 0, false));
    }

    public void failPermanently(String ref) {
        scripts.put(ref, new Script(null, 0, null, null, 0, true));
    }

    public int opens(String ref) {
        AtomicInteger n = opens.get(ref);
        return n == null ? 0 : n.get();
    }

    private static InputStream zeros(long length) {
        return new InputStream() {
            private long left = length;

            @Override
            public int read() {
                if (left <= 0) {
                    return -1;
                }
                left--;
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }
}
