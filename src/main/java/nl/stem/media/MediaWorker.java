package nl.stem.media;

import static nl.stem.worker.Jdbc.instant;
import static nl.stem.worker.Jdbc.update;
import nl.stem.text.LogSafe;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import nl.stem.config.StemConfig;
import nl.stem.media.MediaFetcher.Download;
import nl.stem.media.MediaFetcher.MediaFetchException;
import nl.stem.worker.Backoff;
import nl.stem.worker.Jdbc;
import nl.stem.worker.WorkerLoop;

/**
 * Downloads pending media answers through their channel's {@link MediaFetcher}, checks type and
 * size, stores them content-addressed in the {@link MediaStore} and marks them {@code stored} or
 * {@code unavailable}.
 *
 * <p>Claiming is a lease: in a short transaction a due pending row ({@code FOR UPDATE SKIP LOCKED})
 * gets {@code attempts + 1} and {@code next_attempt_at = now + lease}; the download runs outside any
 * transaction and the outcome is recorded in another. A process that stops mid-download leaves the
 * row pending, and it is tried again when the lease ends. Rows of channels without a fetcher (the
 * preview stores uploads at once) are left alone. Downloads run one at a time per instance.
 *
 * <p>A download is recorded {@code stored} only while its file is there, under the content's lock
 * ({@link MediaFiles}): when another instance deleted the same content meanwhile, it is fetched again.
 *
 * <p>Accepted: {@code audio/*}, {@code video/*}, {@code image/*}; {@code application/octet-stream}
 * (or no type) only when the declared {@code mime_type} is of the media's kind (e.g. kind
 * {@code audio} and {@code audio/ogg}). The size limit {@code stem.media.max-bytes} is checked
 * against the declared sizes and the bytes actually read.
 */
@ApplicationScoped
public class MediaWorker {
    private static final Logger LOG = Logger.getLogger(MediaWorker.class);
    private static final String OCTET_STREAM = "application/octet-stream";
    private static final Duration MIN_PAUSE = Duration.ofMillis(20);

    private static final String CLAIM = """
            with due as (
                select id from media_objects
                where status = 'pending' and channel = any(?) and next_attempt_at <= ?
                order by next_attempt_at, created_at
                limit 1
                for update skip locked)
            update media_objects m set attempts = m.attempts + 1, next_attempt_at = ?
            from due where m.id = due.id
            returning m.id, m.respondent_id, m.channel, m.kind, m.mime_type, m.size_bytes, m.duration_seconds,
                      m.provider_ref, m.attempts, m.created_at
            """;

    private final Instance<MediaFetcher> fetcherBeans;
    private final MediaWorkerConfig config;
    private final StemConfig stem;
    private final MediaStore store;
    private final MediaFiles files;
    private final DataSource ds;
    private final Clock clock;

    @Inject
    public MediaWorker(Instance<MediaFetcher> fetcherBeans, MediaWorkerConfig config, StemConfig stem, MediaStore store,
            MediaFiles files, DataSource ds, Clock clock) {
        this.fetcherBeans = fetcherBeans;
        this.config = config;
        this.stem = stem;
        this.store = store;
        this.files = files;
        this.ds = ds;
        this.clock = clock;
    }

    private final Map<String, MediaFetcher> fetchers = new HashMap<>();
    private Backoff backoff;
    private WorkerLoop loop;

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
            loop = null;
        }
    }

    synchronized void start() {
        if (!config.enabled() || loop != null) {
            return;
        }
        for (MediaFetcher f : fetcherBeans) {
            if (fetchers.putIfAbsent(f.channel(), f) != null) {
                throw new IllegalStateException("Two MediaFetcher beans for channel " + f.channel());
            }
        }
        backoff = new Backoff(config.backoffBase(), config.backoffMax());
        sweepUnfinishedWrites();
        loop = new WorkerLoop("media-worker", this::round, config.pollInterval());
        loop.start();
        LOG.infof("Media worker started for channels %s", fetchers.keySet());
    }

    /**
     * Deletes what writes that stopped mid-way (a process killed) left in the store, a day after: no
     * instance's write in progress is that old.
     */
    private void sweepUnfinishedWrites() {
        try {
            int n = store.sweepUnfinished(clock.instant().minus(Duration.ofDays(1)));
            if (n > 0) {
                LOG.infof("Removed %d unfinished media writes", n);
            }
        } catch (IOException e) {
            LOG.warnf("Could not sweep unfinished media writes (%s)", e.getClass().getName());
        }
    }

    /** After an answer with media committed: download it now, not at the next poll. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MediaQueued event) {
        wake();
    }

    @Scheduled(every = "${stem.media.worker.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Makes the worker look for pending media now. Never blocks. */
    public void wake() {
        WorkerLoop l = loop;
        if (l != null) {
            l.wake();
        }
    }

    private Duration round() throws SQLException {
        if (fetchers.isEmpty()) {
            return null;
        }
        Optional<Claimed> next;
        while ((next = claim()).isPresent()) {
            process(next.get());
        }
        Instant due = nextDue();
        if (due == null) {
            return null;
        }
        Duration until = Duration.between(clock.instant(), due);
        // Due but not claimed: another instance holds it for a moment; look again shortly.
        return until.compareTo(MIN_PAUSE) < 0 ? MIN_PAUSE : until;
    }

    private record Claimed(MediaObject media, int attempts) {
    }

    private Optional<Claimed> claim() throws SQLException {
        Instant now = clock.instant();
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
                ps.setArray(1, c.createArrayOf("text", fetchers.keySet().toArray()));
                ps.setObject(2, Jdbc.ts(now));
                ps.setObject(3, Jdbc.ts(now.plus(config.lease())));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    MediaObject m = new MediaObject();
                    m.id = rs.getObject("id", UUID.class);
                    m.respondentId = rs.getObject("respondent_id", UUID.class);
                    m.channel = rs.getString("channel");
                    m.kind = rs.getString("kind");
                    m.mimeType = rs.getString("mime_type");
                    m.sizeBytes = (Long) rs.getObject("size_bytes");
                    m.durationSeconds = (Integer) rs.getObject("duration_seconds");
                    m.providerRef = rs.getString("provider_ref");
                    m.status = MediaObject.PENDING;
                    m.attempts = rs.getInt("attempts");
                    m.createdAt = instant(rs, "created_at");
                    return Optional.of(new Claimed(m, m.attempts));
                }
            }
        });
    }

    private Instant nextDue() throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select min(next_attempt_at) as next from media_objects where status = 'pending' and channel = any(?)")) {
            Array channels = c.createArrayOf("text", fetchers.keySet().toArray());
            ps.setArray(1, channels);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return instant(rs, "next");
            }
        }
    }

    private void process(Claimed claimed) {
        MediaObject m = claimed.media();
        long max = stem.media().maxBytes();
        try {
            if (m.sizeBytes != null && m.sizeBytes > max) {
                unavailable(m, "declared size " + m.sizeBytes + " bytes is over the limit of " + max);
                return;
            }
            Download d = fetchers.get(m.channel).open(m);
            try (InputStream in = d.content()) {
                if (d.sizeBytes() != null && d.sizeBytes() > max) {
                    unavailable(m, "download size " + d.sizeBytes() + " bytes is over the limit of " + max);
                    return;
                }
                Optional<String> type = acceptedType(m.kind, m.mimeType, d.contentType());
                if (type.isEmpty()) {
                    unavailable(m, "content type refused: " + d.contentType() + " for kind " + m.kind);
                    return;
                }
                MediaStore.Stored s = store.put(in, max);
                stored(claimed, s, type.get());
            }
        } catch (MediaTooLargeException e) {
            unavailable(m, "larger than the limit of " + max + " bytes");
        } catch (MediaFetchException e) {
            if (e.permanent()) {
                unavailable(m, e.getMessage());
            } else {
                retry(claimed, e.getMessage());
            }
        } catch (IOException | RuntimeException e) {
            // The class only: messages can carry download URLs with credentials.
            retry(claimed, e.getClass().getName());
        }
    }

    /**
     * The type to record, or empty when refused: a specific audio, video or image type as sent;
     * octet-stream (or none) only when the declared type is of the media's kind, and then that one.
     */
    static Optional<String> acceptedType(String kind, String declared, String contentType) {
        String actual = normalise(contentType);
        if (actual != null && (actual.startsWith("audio/") || actual.startsWith("video/") || actual.startsWith("image/"))) {
            return Optional.of(actual);
        }
        String decl = normalise(declared);
        if ((actual == null || actual.equals(OCTET_STREAM)) && decl != null && kind != null
                && decl.startsWith(kind.toLowerCase(Locale.ROOT) + "/")) {
            return Optional.of(decl);
        }
        return Optional.empty();
    }

    private static String normalise(String type) {
        if (type == null) {
            return null;
        }
        int semicolon = type.indexOf(';');
        String t = (semicolon >= 0 ? type.substring(0, semicolon) : type).trim().toLowerCase(Locale.ROOT);
        return t.isEmpty() ? null : t;
    }

    /** A media row found deleted when it was to be recorded stored; its file goes unless another row has it. */
    private static final int ROW_GONE = 0;
    /** The file was deleted by another instance after this one stored it: fetch it again. */
    private static final int FILE_GONE = -1;

    private void stored(Claimed claimed, MediaStore.Stored s, String type) {
        MediaObject m = claimed.media();
        try {
            // Under the content's lock, so no instance deletes the file between this check and the commit.
            int n = Jdbc.inTransaction(ds, c -> files.presentLocked(c, s.sha256())
                    ? update(c, """
                            update media_objects set status = 'stored', sha256 = ?, size_bytes = ?, mime_type = ?, stored_at = ?,
                                                     last_error = null
                            where id = ? and status = 'pending'""", s.sha256(), s.sizeBytes(), type, clock.instant(), m.id)
                    : FILE_GONE);
            if (n == FILE_GONE) {
                retry(claimed, "the stored file was deleted by another instance meanwhile");
                return;
            }
            if (n == ROW_GONE) {
                // Deleted meanwhile (the respondent asked for deletion): keep no orphan file.
                files.deleteUnreferenced(List.of(s.sha256()));
                return;
            }
            LOG.debugf("Media %s stored (%d bytes)", m.id, s.sizeBytes());
        } catch (SQLException e) {
            LOG.errorf("Media %s: could not record it stored (%s); it will be fetched again", m.id, e.getClass().getName());
        }
    }

    private void unavailable(MediaObject m, String reason) {
        LOG.warnf("Media %s on %s unavailable: %s", m.id, m.channel, LogSafe.reason(reason));
        record(m.id, "update media_objects set status = 'unavailable', last_error = ? where id = ? and status = 'pending'",
                reason, m.id);
    }

    private void retry(Claimed claimed, String reason) {
        MediaObject m = claimed.media();
        if (claimed.attempts() >= config.maxAttempts()) {
            unavailable(m, "gave up after " + claimed.attempts() + " attempts: " + reason);
            return;
        }
        Duration delay = backoff.delay(claimed.attempts());
        LOG.infof("Media %s on %s: attempt %d failed (%s), retry in %d ms", m.id, m.channel, claimed.attempts(),
                LogSafe.reason(reason), delay.toMillis());
        record(m.id, "update media_objects set next_attempt_at = ?, last_error = ? where id = ? and status = 'pending'",
                clock.instant().plus(delay), reason, m.id);
    }

    private void record(UUID id, String sql, Object... params) {
        try {
            Jdbc.inTransaction(ds, c -> update(c, sql, params));
        } catch (SQLException e) {
            // The lease runs out and the download is tried again.
            LOG.errorf("Media %s: could not record the outcome (%s)", id, e.getClass().getName());
        }
    }
}
