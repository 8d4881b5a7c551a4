package nl.stem.media;

import static nl.stem.media.TestMediaFetcher.CHANNEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.outbox.TestRows;
import nl.stem.worker.Jdbc;

/**
 * Two instances on one database and one media directory (two {@link MediaFiles} over two
 * {@link LocalMediaStore}s): a delete by one while the other stores the same content never leaves a
 * stored row without its file. The content's advisory lock orders them; both orders are played.
 */
@QuarkusTest
class MediaFilesTest {
    @Inject
    DataSource db;
    @TempDir
    Path dir;

    TestRows rows;
    UUID respondent;
    LocalMediaStore storeA;
    LocalMediaStore storeB;
    MediaFiles writer;
    MediaFiles deleter;

    @BeforeEach
    void setUp() {
        rows = new TestRows(db);
        rows.exec("delete from media_objects where channel = ?", CHANNEL);
        respondent = rows.recipient(CHANNEL).respondentId();
        storeA = new LocalMediaStore(dir);
        storeB = new LocalMediaStore(dir);
        writer = new MediaFiles(db, storeA);
        deleter = new MediaFiles(db, storeB);
    }

    @Test
    void deleteFirst_thenTheWriterFindsTheFileGone_andRecordsNothing() throws Exception {
        byte[] content = SharedMediaDirectoryTest.bytes(20_000, 11);
        String hash = storeA.put(new ByteArrayInputStream(content), content.length).sha256();
        // The other instance's erasure of an older row with the same content, before the writer commits.
        assertEquals(1, deleter.deleteUnreferenced(List.of(hash)));
        boolean present = Jdbc.inTransaction(db, c -> writer.presentLocked(c, hash));
        assertFalse(present, "the writer must store again (or retry) instead of recording its row");
        // A writer that can read its content again puts it back.
        assertTrue(writer.restoreIfDeleted(hash, () -> new ByteArrayInputStream(content), content.length));
        assertTrue(storeB.path(hash).isPresent());
        assertFalse(writer.restoreIfDeleted(hash, () -> new ByteArrayInputStream(content), content.length));
    }

    @Test
    void writerFirst_theDeleterWaitsForItsCommit_thenSeesTheRow_andKeepsTheFile() throws Exception {
        byte[] content = SharedMediaDirectoryTest.bytes(20_000, 12);
        String hash = storeA.put(new ByteArrayInputStream(content), content.length).sha256();
        UUID id = UUID.randomUUID();
        CompletableFuture<Integer> deleted;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            assertTrue(writer.presentLocked(c, hash));
            Jdbc.update(c, """
                    insert into media_objects (id, respondent_id, channel, kind, mime_type, size_bytes, sha256, status)
                    values (?, ?, ?, 'audio', 'audio/ogg', ?, ?, 'stored')""", id, respondent, CHANNEL, (long) content.length, hash);
            deleted = CompletableFuture.supplyAsync(() -> deleter.deleteUnreferenced(List.of(hash)));
            Thread.sleep(500);
            assertFalse(deleted.isDone(), "the deleter waits for the content's lock");
            c.commit();
        }
        assertEquals(0, deleted.get(30, TimeUnit.SECONDS), "the committed row keeps its file");
        assertTrue(Files.isRegularFile(storeB.path(hash).orElseThrow()));

        rows.exec("delete from media_objects where id = ?", id);
        assertEquals(1, deleter.deleteUnreferenced(List.of(hash)), "without a row the file goes");
        assertFalse(storeA.path(hash).isPresent());
    }
}
