package nl.stem.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@link LocalMediaStore}s on one directory, as two instances on a shared volume: real files,
 * threads writing and reading at once. A reader never finds part of a file, identical writes at once
 * leave one whole file, and no temporary file stays behind.
 */
class SharedMediaDirectoryTest {
    @TempDir
    Path dir;

    private final ExecutorService threads = Executors.newFixedThreadPool(6);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void twoStores_writingTheSameContentAtOnce_leaveOneWholeFile_andReadersSeeOnlyWholeFiles() throws Exception {
        LocalMediaStore a = new LocalMediaStore(dir);
        LocalMediaStore b = new LocalMediaStore(dir);
        byte[] content = bytes(3 * 1024 * 1024, 1);
        String hash = sha256(content);
        AtomicBoolean writing = new AtomicBoolean(true);
        // The reader: whenever the name exists, the file behind it is complete.
        Future<List<String>> reader = threads.submit(() -> {
            List<String> partial = new ArrayList<>();
            while (writing.get()) {
                a.path(hash).ifPresent(p -> {
                    try {
                        byte[] read = Files.readAllBytes(p);
                        if (read.length != content.length || !sha256(read).equals(hash)) {
                            partial.add(read.length + " bytes");
                        }
                    } catch (IOException e) {
                        partial.add(e.toString());
                    }
                });
            }
            return partial;
        });
        int writers = 4;
        CyclicBarrier start = new CyclicBarrier(writers);
        List<Future<MediaStore.Stored>> puts = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            LocalMediaStore store = i % 2 == 0 ? a : b;
            puts.add(threads.submit(() -> {
                start.await();
                // Small reads, so the writes overlap for a while.
                return store.put(new Trickle(content, 8192), content.length);
            }));
        }
        for (Future<MediaStore.Stored> put : puts) {
            assertEquals(new MediaStore.Stored(hash, content.length), put.get(60, TimeUnit.SECONDS));
        }
        writing.set(false);
        assertEquals(List.of(), reader.get(60, TimeUnit.SECONDS), "reads of a file that was not whole");
        assertArrayEquals(content, Files.readAllBytes(b.path(hash).orElseThrow()));
        assertEquals(List.of(), leftovers(), "temporary files left");
        assertEquals(1, storedFiles().size());
    }

    @Test
    void twoStores_writingDifferentContentAtOnce_storeEveryFileUnderItsHash() throws Exception {
        LocalMediaStore a = new LocalMediaStore(dir);
        LocalMediaStore b = new LocalMediaStore(dir);
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            contents.add(bytes(1000 + i * 997, 100 + i));
        }
        List<Future<MediaStore.Stored>> puts = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            byte[] c = contents.get(i);
            LocalMediaStore store = i % 2 == 0 ? a : b;
            puts.add(threads.submit(() -> store.put(new ByteArrayInputStream(c), c.length)));
        }
        for (int i = 0; i < contents.size(); i++) {
            MediaStore.Stored s = puts.get(i).get(60, TimeUnit.SECONDS);
            assertEquals(sha256(contents.get(i)), s.sha256());
            LocalMediaStore other = i % 2 == 0 ? b : a;
            assertArrayEquals(contents.get(i), Files.readAllBytes(other.path(s.sha256()).orElseThrow()), "read by the other instance");
        }
        assertEquals(contents.size(), storedFiles().size());
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aWriteInProgress_isInvisible_untilItIsWhole() throws Exception {
        LocalMediaStore writer = new LocalMediaStore(dir);
        LocalMediaStore reader = new LocalMediaStore(dir);
        byte[] content = bytes(200_000, 7);
        String hash = sha256(content);
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        Future<MediaStore.Stored> put = threads.submit(() -> writer.put(new Paused(content, 100_000, halfway, goOn), content.length));
        assertTrue(halfway.await(30, TimeUnit.SECONDS));
        assertFalse(reader.path(hash).isPresent(), "half a file under its name");
        assertEquals(1, leftovers().size(), "the half-written upload is a temporary file");
        goOn.countDown();
        put.get(30, TimeUnit.SECONDS);
        assertArrayEquals(content, Files.readAllBytes(reader.path(hash).orElseThrow()));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aDeleteByOneStore_whileTheOtherWritesTheSameContent_leavesTheFileThereWhenTheWriteReturns() throws Exception {
        LocalMediaStore writer = new LocalMediaStore(dir);
        LocalMediaStore deleter = new LocalMediaStore(dir);
        byte[] content = bytes(150_000, 9);
        String hash = sha256(content);
        writer.put(new ByteArrayInputStream(content), content.length);
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        Future<MediaStore.Stored> put = threads.submit(() -> writer.put(new Paused(content, 50_000, halfway, goOn), content.length));
        assertTrue(halfway.await(30, TimeUnit.SECONDS));
        deleter.delete(hash);
        assertFalse(deleter.path(hash).isPresent());
        goOn.countDown();
        assertEquals(hash, put.get(30, TimeUnit.SECONDS).sha256());
        // The write renames even onto an existing name, so what it returns is on disk.
        assertArrayEquals(content, Files.readAllBytes(deleter.path(hash).orElseThrow()));
    }

    @Test
    void aReaderOfTheFile_keepsReadingItWhole_whileTheOtherStoreRenamesTheSameContentOverIt() throws Exception {
        LocalMediaStore a = new LocalMediaStore(dir);
        LocalMediaStore b = new LocalMediaStore(dir);
        byte[] content = bytes(300_000, 21);
        String hash = a.put(new ByteArrayInputStream(content), content.length).sha256();
        byte[] read = new byte[content.length];
        try (InputStream in = Files.newInputStream(a.path(hash).orElseThrow())) {
            int half = in.readNBytes(read, 0, content.length / 2);
            assertEquals(content.length / 2, half);
            b.put(new ByteArrayInputStream(content), content.length);
            assertEquals(content.length - half, in.readNBytes(read, half, content.length - half));
            assertEquals(-1, in.read());
        }
        assertArrayEquals(content, read);
        assertArrayEquals(content, Files.readAllBytes(a.path(hash).orElseThrow()));
    }

    @Test
    void tooLargeOrFailedWrites_leaveNothing_andStaleTemporaryFilesAreSwept() throws Exception {
        LocalMediaStore store = new LocalMediaStore(dir);
        byte[] content = bytes(10_000, 3);
        assertThrows(MediaTooLargeException.class, () -> store.put(new ByteArrayInputStream(content), 9_999));
        assertEquals(List.of(), leftovers());
        assertEquals(List.of(), storedFiles());

        // A process killed mid-write leaves its part; a day later it is swept, a fresh one is not.
        Path stale = Files.createFile(dir.resolve("tmp").resolve("upload-1234.part"));
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(2, ChronoUnit.DAYS)));
        Path fresh = Files.createFile(dir.resolve("tmp").resolve("upload-5678.part"));
        assertEquals(1, new LocalMediaStore(dir).sweepUnfinished(Instant.now().minus(1, ChronoUnit.DAYS)));
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(fresh));
    }

    private List<Path> leftovers() throws IOException {
        Path tmp = dir.resolve("tmp");
        if (!Files.isDirectory(tmp)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(tmp)) {
            return s.toList();
        }
    }

    private List<Path> storedFiles() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getParent().equals(dir.resolve("tmp"))).toList();
        }
    }

    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stream that hands out at most {@code chunk} bytes per read. */
    private static final class Trickle extends InputStream {
        private final ByteArrayInputStream in;
        private final int chunk;

        Trickle(byte[] content, int chunk) {
            this.in = new ByteArrayInputStream(content);
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            Thread.yield();
            return in.read(b, off, Math.min(len, chunk));
        }
    }

    /** A stream that stops after {@code at} bytes until told to go on, like a slow download. */
    private static final class Paused extends InputStream {
        private final ByteArrayInputStream in;
        private final int at;
        private final CountDownLatch halfway;
        private final CountDownLatch goOn;
        private int read;

        Paused(byte[] content, int at, CountDownLatch halfway, CountDownLatch goOn) {
            this.in = new ByteArrayInputStream(content);
            this.at = at;
            this.halfway = halfway;
            this.goOn = goOn;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (read == at) {
                halfway.countDown();
                try {
                    if (!goOn.await(30, TimeUnit.SECONDS)) {
                        throw new IOException("not told to go on");
                    }
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
            int n = in.read(b, off, read < at ? Math.min(len, at - read) : len);
            if (n > 0) {
                read += n;
            }
            return n;
        }
    }
}
