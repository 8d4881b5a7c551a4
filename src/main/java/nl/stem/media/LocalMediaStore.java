package nl.stem.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.config.StemConfig;

/**
 * Stores media under {@code stem.media.dir} as {@code ab/cd/<sha256>}. Files are readable by the
 * service's own user only ({@code rw-------}, folders {@code rwx------}), whatever the umask: they are
 * respondents' voices and faces.
 *
 * <p>Several instances may share the directory (an NFS export, a ReadWriteMany volume). Each write goes
 * to a temporary file of its own ({@code tmp/upload-<random>.part}, created exclusively, on the same
 * file system) while hashing, is forced to disk, and is then renamed to its content address, which is
 * atomic: a reader finds either no file or the whole file, never part of one. Two instances storing the
 * same content at once each rename identical bytes into place, which is harmless, and a reader that
 * opened the first keeps reading it. There is no in-place copy as a fallback: a rename that cannot be
 * atomic fails the write. Whether a file may be deleted while another instance stores the same content
 * is decided in PostgreSQL ({@link MediaFiles}).
 */
@ApplicationScoped
public class LocalMediaStore implements MediaStore {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String PART = ".part";

    private final Path root;

    @Inject
    public LocalMediaStore(StemConfig config) {
        this(config.media().dir());
    }

    public LocalMediaStore(Path root) {
        this.root = root.toAbsolutePath();
    }

    @Override
    public Stored put(InputStream content, long maxBytes) throws IOException {
        Path tmpDir = directories(root.resolve("tmp"));
        Path tmp = Files.createTempFile(tmpDir, "upload-", PART);
        ownerOnly(tmp, FILE);
        try {
            MessageDigest digest = sha256();
            long size = 0;
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), digest);
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = content.read(buffer)) > 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw new MediaTooLargeException(maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
                out.flush();
                // On disk before it has a name: after a crash the name never points at missing bytes.
                channel.force(true);
            }
            String hash = HexFormat.of().formatHex(digest.digest());
            Path target = file(hash);
            Path dir = directories(target.getParent());
            // Always renamed, also when the file exists: identical bytes, and the file is there when this returns.
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(dir);
            return new Stored(hash, size);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The temporary files ({@code tmp/upload-*.part}) of writes that stopped, as {@link MediaStore#sweepUnfinished}. */
    @Override
    public int sweepUnfinished(Instant before) throws IOException {
        Path tmpDir = root.resolve("tmp");
        if (!Files.isDirectory(tmpDir)) {
            return 0;
        }
        int n = 0;
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(tmpDir, "upload-*" + PART)) {
            for (Path part : parts) {
                try {
                    if (Files.getLastModifiedTime(part).toInstant().isBefore(before) && Files.deleteIfExists(part)) {
                        n++;
                    }
                } catch (NoSuchFileException e) {
                    // Renamed or swept by another instance meanwhile.
                }
            }
        }
        return n;
    }

    /** Makes a rename durable: the directory entry is forced too (not every file system allows it). */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Some file systems refuse to open or force a directory; the rename itself is done.
        }
    }

    @Override
    public Optional<Path> path(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            return Optional.empty();
        }
        Path p = file(sha256);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    @Override
    public void delete(String sha256) throws IOException {
        if (SHA256.matcher(sha256).matches()) {
            Files.deleteIfExists(file(sha256));
        }
    }

    @Override
    public java.util.List<String> storedBefore(java.time.Instant before) throws IOException {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(root, 3)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                    continue;
                }
                String name = f.getFileName().toString();
                if (SHA256.matcher(name).matches() && f.equals(file(name))) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    /**
     * Creates the folder and those above it up to the root, each for the owner only. The root itself
     * may be a mount point owned by another user (a Kubernetes volume is root's, writable through the
     * pod's group): then it is left as it is, and the folders below keep the files private.
     */
    private Path directories(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Path p = dir; p != null && p.startsWith(root); p = p.getParent()) {
            if (p.equals(root)) {
                try {
                    ownerOnly(p, FOLDER);
                } catch (FileSystemException e) {
                    // Not ours to change (see above).
                }
            } else {
                ownerOnly(p, FOLDER);
            }
        }
        return dir;
    }

    private static void ownerOnly(Path p, Set<PosixFilePermission> permissions) throws IOException {
        if (p.getFileSystem().supportedFileAttributeViews().contains("posix")
                && !Files.getPosixFilePermissions(p).equals(permissions)) {
            Files.setPosixFilePermissions(p, permissions);
        }
    }

    private Path file(String hash) {
        return root.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
