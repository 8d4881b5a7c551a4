package nl.stem.channel.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.config.StemConfig;
import nl.stem.media.MediaStore;
import nl.stem.media.MediaSweep;

/**
 * Media hygiene: an upload the conversation does not take leaves no file, an erasure leaves no
 * file whatever path the file came by, and the sweep removes files no row refers to.
 */
@QuarkusTest
class MediaHygieneTest {
    @Inject
    StemConfig config;
    @Inject
    MediaStore store;
    @Inject
    MediaSweep sweep;

    private Set<String> files() throws IOException {
        Path root = config.media().dir();
        Set<String> out = new TreeSet<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(Files::isRegularFile).filter(p -> !p.getParent().getFileName().toString().equals("tmp"))
                        .forEach(p -> out.add(root.relativize(p).toString()));
            }
        }
        return out;
    }

    private static java.io.File voice(String what) throws IOException {
        Path f = Files.createTempFile("voice", ".ogg");
        Files.write(f, ("OggS " + what + " " + UUID.randomUUID()).getBytes());
        return f.toFile();
    }

    @Test
    void voiceNoteSentToAScaleQuestion_isRejectedAndLeavesTheMediaDirectoryAsItWas() throws Exception {
        PreviewClient c = PreviewClient.start("toegang_tot_werk", "nl");
        c.tap("a:consent:yes");
        Set<String> before = files();
        c.upload(voice("not an answer to a scale"), "audio/ogg");
        assertEquals("help_vwn", c.currentQuestionId(), "a re-prompt: the scale question again");
        assertEquals(before, files(), "no file left by the rejected upload");
        c.type("verwijderen");
        c.tap("delete:yes");
        assertEquals(before, files(), "nor after delete my data");
    }

    @Test
    void deleteMyData_afterRejectedAndAcceptedUploads_leavesTheMediaDirectoryAsItWas() throws Exception {
        Set<String> before = files();
        PreviewClient c = PreviewClient.start("toegang_tot_werk", "ps");
        c.tap("a:consent:yes");
        c.upload(voice("rejected"), "audio/ogg");
        while (c.currentQuestionId().startsWith("help_")) {
            c.tap("a:" + c.currentQuestionId() + ":3");
        }
        c.upload(voice("accepted"), "audio/ogg");
        assertEquals(before.size() + 1, files().size(), "the accepted voice note is kept while the answer is");
        c.type("ړنګول");
        c.tap("delete:yes");
        assertEquals(before, files());
    }

    @Test
    void sweep_removesOldFilesNoRowRefersTo_andKeepsReferencedAndRecentOnes() throws Exception {
        MediaStore.Stored orphan = store.put(new ByteArrayInputStream(("orphan " + UUID.randomUUID()).getBytes()), 1000);
        MediaStore.Stored fresh = store.put(new ByteArrayInputStream(("fresh orphan " + UUID.randomUUID()).getBytes()), 1000);
        Path orphanFile = store.path(orphan.sha256()).orElseThrow();
        Files.setLastModifiedTime(orphanFile, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

        PreviewClient c = PreviewClient.start("toegang_tot_werk", "en");
        c.tap("a:consent:yes");
        while (c.currentQuestionId().startsWith("help_")) {
            c.tap("a:" + c.currentQuestionId() + ":na");
        }
        java.io.File answer = voice("kept");
        c.upload(answer, "audio/ogg");
        String answerSha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(answer.toPath())));
        Path answerFile = store.path(answerSha).orElseThrow();
        Files.setLastModifiedTime(answerFile, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

        assertTrue(sweep.sweep(Instant.now().minus(MediaSweep.GRACE)) >= 1);
        assertFalse(Files.exists(orphanFile), "an old file no row refers to is removed");
        assertTrue(store.path(fresh.sha256()).isPresent(), "a file younger than the grace period stays: its row may be coming");
        assertTrue(Files.exists(answerFile), "a file an answer refers to stays");
        store.delete(fresh.sha256());
    }
}
