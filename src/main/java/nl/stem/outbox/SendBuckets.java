package nl.stem.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * The send rate of each channel, for all instances sharing the database together: a token bucket
 * in the row {@code send_buckets.<channel>}, which every claim of messages reserves its sends from
 * in one statement. With a capacity of one token the sends are evenly paced: no second holds more
 * than {@code rate} sends (one more at most at the window's edges), however many instances send.
 * Time is the database's ({@code clock_timestamp()}), so instances' clocks do not matter, and an
 * instance that dies holds no share. Owns the table {@code send_buckets}. Example at 10 per
 * second: reserving 3 on a full bucket gives waits of 0, 100 and 200 ms.
 */
final class SendBuckets {

    /*
     * Adds the tokens earned since the last reservation (at most one saved up), takes n, and returns
     * what is left: below zero, the last of the n waits -left/rate seconds. One row per channel,
     * created by the first reservation.
     */
    private static final String RESERVE = """
            insert into send_buckets as b (channel, tokens, updated_at) values (?, 1 - ?::float8, clock_timestamp())
            on conflict (channel) do update
            set tokens = least(1, b.tokens + extract(epoch from clock_timestamp() - b.updated_at)::float8 * ?::float8) - ?::float8,
                updated_at = clock_timestamp()
            returning tokens""";

    private final DataSource ds;

    SendBuckets(DataSource ds) {
        this.ds = ds;
    }

    /** Reserves {@code n} sends on {@code channel} at {@code perSecond}; returns how long each waits, in nanoseconds. */
    long[] reserve(String channel, int n, double perSecond) throws SQLException {
        if (n == 0 || !(perSecond > 0) || Double.isInfinite(perSecond)) {
            return new long[n];
        }
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(RESERVE)) {
            ps.setString(1, channel);
            ps.setInt(2, n);
            ps.setDouble(3, perSecond);
            ps.setInt(4, n);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return waits(rs.getDouble(1), n, perSecond);
            }
        }
    }

    /** The waits of {@code n} reservations that left {@code left} tokens: the j-th left {@code left + (n - 1 - j)}. */
    static long[] waits(double left, int n, double perSecond) {
        long[] out = new long[n];
        for (int j = 0; j < n; j++) {
            double after = left + (n - 1 - j);
            out[j] = after >= 0 ? 0 : (long) Math.ceil(-after / perSecond * 1e9);
        }
        return out;
    }
}
