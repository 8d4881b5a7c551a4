package nl.stem.media;

import static nl.stem.media.TestMediaFetcher.CHANNEL;
import static nl.stem.outbox.TestRows.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.config.StemConfig;
import nl.stem.outbox.TestRows;

/** The media worker against PostgreSQL and the local media store, with a scripted fetcher ({@code testchan}). */
@QuarkusTest
class MediaWorkerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    DataSource db;
    @Inject
    MediaWorker worker;
    @Inject
    TestMediaFetcher fetcher;
    @Inject
    MediaStore store;
    @Inject
    StemConfig config;
    @Inject
    MediaQueueingTransaction queueing;

    TestRows rows;
    UUID respondent;

    @BeforeEach
    void setUp() {
        rows = new TestRows(db);
        rows.exec("delete from media_objects where channel = ?", CHANNEL);
        respondent = rows.recipient(CHANNEL).respondentId();
    }

    @Test
    void mediaWorker_whenDownloadSucceeds_storesFileUnderItsSha256() throws Exception {
        byte[] bytes = randomBytes(5000);
        String ref = ref();
        fetcher.serve(ref, bytes, "audio/ogg; codecs=opus");
        UUID id = pending("audio", "audio/ogg", ref, null);
        worker.wake();

        awaitStatus(id, "stored");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertEquals(sha, column(id, "sha256"));
        assertEquals(5000L, column(id, "size_bytes"));
        assertEquals("audio/ogg", column(id, "mime_type"));
        assertNotNull(column(id, "stored_at"));
        assertNull(column(id, "last_error"));
        Path file = store.path(sha).orElseThrow();
        assertArrayEquals(bytes, Files.readAllBytes(file));
    }

    @Test
    void mediaWorker_whenOctetStreamAndDeclaredTypeMatchesKind_storesWithDeclaredType() {
        String ref = ref();
        fetcher.serve(ref, randomBytes(300), "application/octet-stream");
        UUID id = pending("video", "video/mp4", ref, null);
        worker.wake();

        awaitStatus(id, "stored");
        assertEquals("video/mp4", column(id, "mime_type"));
    }

    @Test
    void mediaWorker_whenContentTypeIsNotMedia_marksUnavailable() {
        String html = ref();
        fetcher.serve(html, "<html>".getBytes(), "text/html");
        UUID a = pending("audio", "audio/ogg", html, null);
        String mismatch = ref();
        fetcher.serve(mismatch, randomBytes(10), "application/octet-stream");
        UUID b = pending("audio", "video/mp4", mismatch, null);
        worker.wake();

        awaitStatus(a, "unavailable");
        awaitStatus(b, "unavailable");
        assertTrue(((String) column(a, "last_error")).startsWith("content type refused"), (String) column(a, "last_error"));
        assertTrue(((String) column(b, "last_error")).startsWith("content type refused"));
        assertNull(column(a, "sha256"));
    }

    @Test
    void mediaWorker_whenFailuresRepeatUpToMaxAttempts_marksUnavailable() {
        String ref = ref();
        fetcher.serveAfterFailures(ref, randomBytes(10), "audio/ogg", 100);
        UUID id = pending("audio", "audio/ogg", ref, null);
        worker.wake();

        awaitStatus(id, "unavailable");
        assertEquals(3, column(id, "attempts"), "stem.media.worker.max-attempts is 3 in tests");
        assertEquals(3, fetcher.opens(ref));
        assertTrue(((String) column(id, "last_error")).startsWith("gave up after 3 attempts"));
    }

    @Test
    void mediaWorker_whenFailingTransientlyThenServing_retriesAndStores() {
        String ref = ref();
        fetcher.serveAfterFailures(ref, randomBytes(10), "audio/ogg", 2);
        UUID id = pending("audio", "audio/ogg", ref, null);
        worker.wake();

        awaitStatus(id, "stored");
        assertEquals(3, column(id, "attempts"));
        assertEquals(3, fetcher.opens(ref));
    }

    @Test
    void mediaWorker_whenFetchFailsPermanently_marksUnavailableAtOnce() {
        String ref = ref();
        fetcher.failPermanently(ref);
        UUID id = pending("audio", "audio/ogg", ref, null);
        worker.wake();

        awaitStatus(id, "unavailable");
        assertEquals(1, fetcher.opens(ref));
        assertEquals("test: 404 file gone", column(id, "last_error"));
    }

    @Test
    void mediaWorker_whenDeclaredSizeOverLimit_refusesWithoutDownloading() {
        long max = config.media().maxBytes();
        String ref = ref();
        fetcher.serve(ref, randomBytes(10), "video/mp4");
        UUID id = pending("video", "video/mp4", ref, max + 1);
        worker.wake();

        awaitStatus(id, "unavailable");
        assertEquals(0, fetcher.opens(ref));
        assertTrue(((String) column(id, "last_error")).contains("over the limit"));
    }

    @Test
    void mediaWorker_whenProviderDeclaresSizeOverLimit_marksUnavailable() {
        long max = config.media().maxBytes();
        String ref = ref();
        fetcher.serveGenerated(ref, 10, "video/mp4", max + 1);
        UUID id = pending("video", "video/mp4", ref, null);
        worker.wake();

        awaitStatus(id, "unavailable");
        assertTrue(((String) column(id, "last_error")).startsWith("download size"));
    }

    @Test
    void mediaWorker_whenBytesReadExceedLimit_marksUnavailable() {
        long max = config.media().maxBytes();
        String ref = ref();
        fetcher.serveGenerated(ref, max + 1, "video/mp4", null);
        UUID id = pending("video", "video/mp4", ref, null);
        worker.wake();

        awaitStatus(id, "unavailable");
        assertEquals("larger than the limit of " + max + " bytes", column(id, "last_error"));
        assertNull(column(id, "sha256"));
    }

    @Test
    void mediaWorker_whenQueuedEventCommits_fetchesWithoutWaitingForThePoll() {
        String ref = ref();
        fetcher.serve(ref, randomBytes(64), "image/jpeg");
        UUID other = pending("audio", "audio/ogg", ref(), null, "nofetcher");
        UUID id = queueing.queue(respondent, CHANNEL, "image", "image/jpeg", ref);

        // The poll runs every 30 s in tests: only the after-commit wake-up fetches this quickly.
        awaitStatus(id, "stored", Duration.ofSeconds(5));
        assertEquals("pending", column(other, "status"), "a channel without a fetcher is left alone");
        assertEquals(0, column(other, "attempts"));
        rows.exec("delete from media_objects where id = ?", other);
    }

    private UUID pending(String kind, String mime, String ref, Long declaredSize) {
        return pending(kind, mime, ref, declaredSize, CHANNEL);
    }

    private UUID pending(String kind, String mime, String ref, Long declaredSize, String channel) {
        UUID id = UUID.randomUUID();
        rows.exec("""
                insert into media_objects (id, respondent_id, channel, kind, mime_type, size_bytes, provider_ref, status)
                values (?, ?, ?, ?, ?, ?, ?, 'pending')""", id, respondent, channel, kind, mime, declaredSize, ref);
        return id;
    }

    private Object column(UUID id, String column) {
        return rows.value("select " + column + " from media_objects where id = ?", id);
    }

    private void awaitStatus(UUID id, String status) {
        awaitStatus(id, status, TIMEOUT);
    }

    private void awaitStatus(UUID id, String status, Duration timeout) {
        await(timeout, "media " + id + " to be " + status, () -> status.equals(column(id, "status")));
    }

    private static String ref() {
        return "file-" + UUID.randomUUID();
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }
}
