package nl.stem.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Media files and their folders are readable by the service's own user only, whatever the umask. */
class MediaPermissionsTest {
    @TempDir
    Path dir;

    @Test
    void put_storesTheFileForTheOwnerOnly() throws Exception {
        Path root = dir.resolve("media");
        Files.createDirectories(root);
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        LocalMediaStore store = new LocalMediaStore(root);
        String hash = store.put(new ByteArrayInputStream("OggS a voice".getBytes(StandardCharsets.UTF_8)), 1000).sha256();
        Path file = store.path(hash).orElseThrow();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        for (Path p = file.getParent(); !p.equals(dir); p = p.getParent()) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("tmp"))));
    }
}
