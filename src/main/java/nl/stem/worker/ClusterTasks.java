package nl.stem.worker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.sql.DataSource;

/**
 * Start-up work that one of several instances does for all, such as registering the Telegram
 * webhook: under a {@link ClusterLock}, and skipped when an instance did it with the same settings
 * less than {@code within} ago. The settings are kept only as their SHA-256, so a secret among them
 * is never stored. So two replicas
 * starting in one deploy register once, and a restart later registers again (which heals a webhook
 * someone changed by hand). Owns the table {@code cluster_tasks}. Example:
 * {@code ClusterTasks.once(ds, "telegram.webhook", url + secret, Duration.ofMinutes(10), now, () -> register(url))}.
 */
public final class ClusterTasks {

    private ClusterTasks() {
    }

    /**
     * Runs {@code task} unless an instance did it with {@code settings} since {@code now - within},
     * or is doing it now; returns whether this instance did it. Only a task that returns true (done)
     * is recorded: one that failed is tried again by the next instance that starts.
     */
    public static boolean once(DataSource ds, String name, String settings, Duration within, Instant now,
                               ClusterLock.Task<Boolean> task) throws Exception {
        String fingerprint = sha256(settings);
        return ClusterLock.ifFree(ds, "stem.task." + name, () -> {
            if (doneRecently(ds, name, fingerprint, now.minus(within))) {
                return false;
            }
            if (!Boolean.TRUE.equals(task.run())) {
                return false;
            }
            Jdbc.inTransaction(ds, c -> Jdbc.update(c, """
                    insert into cluster_tasks (name, fingerprint, done_at) values (?, ?, ?)
                    on conflict (name) do update set fingerprint = excluded.fingerprint, done_at = excluded.done_at""",
                    name, fingerprint, Jdbc.ts(now)));
            return true;
        }).orElse(false);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    private static boolean doneRecently(DataSource ds, String name, String fingerprint, Instant since) throws Exception {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select 1 from cluster_tasks where name = ? and fingerprint = ? and done_at > ?")) {
                ps.setString(1, name);
                ps.setString(2, fingerprint);
                ps.setObject(3, Jdbc.ts(since));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }
}
