package nl.stem.panel.member;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

import javax.sql.DataSource;

import io.restassured.response.Response;
import nl.stem.api.ApiTokensForTests;

/** Member ids and numbers unique to a test run (the test database outlives runs), imports, and counts. */
final class Members {
    static final String HEADER = "member_id,channel,whatsapp_number,language,time_zone,consent,region,arrival_year\n";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Members() {
    }

    /** A prefix for this test's member ids, e.g. {@code t3f9a0c1e-}. */
    static String prefix() {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        return "t" + HexFormat.of().formatHex(b) + "-";
    }

    /**
     * A Dutch mobile number nobody else in the test database has, e.g. {@code +31627654321}: 06-1 to
     * 06-5, ranges in use, since import refuses numbers that cannot exist (06-7 and 06-9 are not issued).
     */
    static String number() {
        return "+316" + (1 + RANDOM.nextInt(5)) + String.format("%07d", RANDOM.nextInt(10_000_000));
    }

    static Response importCsv(String role, String csv) {
        return ApiTokensForTests.as(role).contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/members/import");
    }

    static Response importCsv(String csv) {
        return importCsv("coordinator", csv);
    }

    static long count(DataSource db, String sql, Object... params) throws SQLException {
        return Long.parseLong(value(db, sql, params));
    }

    static String value(DataSource db, String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static int update(DataSource db, String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }
}
