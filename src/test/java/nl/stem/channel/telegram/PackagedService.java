package nl.stem.channel.telegram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.postgresql.ds.PGSimpleDataSource;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What the packaged jar is started with in {@link PackagedTelegramIT}: the fake Bot API on
 * loopback (the jar's test profile points {@code stem.telegram.api-url} at it), a database of its
 * own, dropped first so every run starts empty, and a media directory of its own.
 */
public class PackagedService implements QuarkusTestResourceLifecycleManager {
    /** Beside the test database when one is given ({@code stem_test_x_packaged}), so two checkouts can test at once. */
    static final String DATABASE = databaseName(System.getenv("QUARKUS_DATASOURCE_JDBC_URL"));
    static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/" + DATABASE;
    static final Path MEDIA_DIR = Path.of("target", "packaged-it-media").toAbsolutePath();

    static String databaseName(String testJdbcUrl) {
        if (testJdbcUrl == null || !testJdbcUrl.matches("jdbc:postgresql://[^/]+/[a-z0-9_]+")) {
            return "stem_packaged_it";
        }
        return testJdbcUrl.substring(testJdbcUrl.lastIndexOf('/') + 1) + "_packaged";
    }

    @Override
    public Map<String, String> start() {
        FakeBotApi.get();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "postgres");
             Statement st = c.createStatement()) {
            st.execute("drop database if exists " + DATABASE + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reset the database " + DATABASE, e);
        }
        deleteTree(MEDIA_DIR);
        // Stem creates the database and migrates it at start-up.
        String fake = "http://127.0.0.1:" + System.getProperty("fakebotapi.port", "18443");
        return Map.of("quarkus.datasource.jdbc.url", JDBC_URL, "stem.media.dir", MEDIA_DIR.toString(),
                "stem.telegram.api-url", fake, "quarkus.http.host", "127.0.0.1");
    }

    @Override
    public void stop() {
    }

    /** The packaged service's database, for the test's checks. */
    static TelegramDb db() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(JDBC_URL);
        ds.setUser("postgres");
        ds.setPassword("postgres");
        return new TelegramDb(ds);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
