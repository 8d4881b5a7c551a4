package nl.stem.dashboard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers of a wave per question, and how many of them carry a media file, read from
 * {@code wave_answer_counts} (kept by triggers on {@code answers}, exact in every snapshot). Example:
 * {@code AnswerTally.count(c, 7)} gives
 * {@code {safe_area=[120, 0], safer=[80, 7]}}.
 */
final class AnswerTally {
    private static final String SQL = """
            select question_id, sum(answers) as answers, sum(media) as media
            from wave_answer_counts
            where wave_id = ?
            group by question_id
            having sum(answers) > 0
            """;

    private AnswerTally() {
    }

    /** Question id to {answers, media answers}. */
    static Map<String, long[]> count(Connection c, long waveId) throws SQLException {
        Map<String, long[]> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setLong(1, waveId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
        }
        return out;
    }
}
