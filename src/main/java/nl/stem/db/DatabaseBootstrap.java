package nl.stem.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

/**
 * Creates the configured PostgreSQL database when it is missing, by connecting to the server's
 * {@code postgres} maintenance database with the same credentials. Runs before Flyway, so a fresh
 * machine needs nothing but a running server.
 */
public final class DatabaseBootstrap {
    private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class);
    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/]+)/([A-Za-z0-9_]+)(\\?.*)?");

    private DatabaseBootstrap() {
    }

    /** Creates the database named in {@code jdbcUrl} unless it exists. Returns true when it created it. */
    public static boolean ensureDatabase(String jdbcUrl, String user, String password) throws SQLException {
        Matcher m = URL.matcher(jdbcUrl);
        if (!m.matches()) {
            LOG.infof("Not a plain PostgreSQL URL, not creating the database: %s", jdbcUrl.replaceAll("password=[^&]*", "password=***"));
            return false;
        }
        String name = m.group(2);
        String query = m.group(3) == null ? "" : m.group(3);
        String adminUrl = "jdbc:postgresql://" + m.group(1) + "/postgres" + query;
        try (Connection c = DriverManager.getConnection(adminUrl, user, password)) {
            try (PreparedStatement ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                // The name matched [A-Za-z0-9_]+ above, so quoting it is safe.
                st.execute("create database \"" + name + "\" encoding 'UTF8' template template0");
                LOG.infof("Created database %s", name);
                return true;
            } catch (SQLException e) {
                if ("42P04".equals(e.getSQLState())) { // created concurrently by another instance
                    return false;
                }
                throw e;
            }
        }
    }
}
