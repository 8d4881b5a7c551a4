package nl.stem.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * Stores media under {@code stem.media.dir} as {@code ab/cd/<sha256>}: written to a temporary file
 * while hashing, then moved into place atomically, so a reader never sees half a file. Files are
 * readable by the service's own user only ({@code rw-------}, folders {@code rwx------}), whatever
 * the umask: they are respondents' voices and faces.
 */
@ApplicationScoped
public class LocalMediaStore implements MediaStore {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

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
        Path tmp = Files.createTempFile(tmpDir, "upload-", ".part");
        ownerOnly(tmp, FILE);
        try {
            MessageDigest digest = sha256();
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), digest)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = content.read(buffer)) > 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw new MediaTooLargeException(maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
            }
            String hash = HexFormat.of().formatHex(digest.digest());
            Path target = file(hash);
            directories(target.getParent());
            if (!Files.exists(target)) {
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return new Stored(hash, size);
        } finally {
            Files.deleteIfExists(tmp);
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
                if (f.getParent().equals(root.resolve("tmp"))) {
                    Files.deleteIfExists(f);
                } else if (SHA256.matcher(name).matches() && f.equals(file(name))) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    /** Creates the folder and those above it up to the root, each for the owner only. */
    private Path directories(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Path p = dir; p != null && p.startsWith(root); p = p.getParent()) {
            ownerOnly(p, FOLDER);
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
