package nl.stem.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.audit.AuditEntry;
import nl.stem.language.Languages;

/**
 * Open answers a researcher marks as publishable: only these ever reach the public page, and only
 * as text, with their language and nothing else. Marking and unmarking are audited.
 */
@ApplicationScoped
public class Quotes {
    /** Most quotes the public page shows per question. */
    static final int PUBLIC_LIMIT = 12;

    /** A quote as the public page shows it. */
    public record Quote(String text, String language, boolean rtl) {
    }

    @Inject
    DataSource db;
    @Inject
    Clock clock;

    /** Marks (or, with {@code publish} false, unmarks) a text answer; 404 for no such text answer. */
    public void mark(long answerId, boolean publish, String actor) {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select 1 from answers where id = ? and value ->> 'kind' = 'TEXT' and not preview")) {
                ps.setLong(1, answerId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StemException(ErrorCode.ANSWER_NOT_FOUND, "No text answer with id " + answerId);
                    }
                }
            }
            String sql = publish
                    ? "insert into result_quotes (answer_id, marked_by, marked_at) values (?, ?, ?) on conflict do nothing"
                    : "delete from result_quotes where answer_id = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, answerId);
                if (publish) {
                    ps.setString(2, actor);
                    ps.setTimestamp(3, Timestamp.from(clock.instant()));
                }
                ps.executeUpdate();
            }
            AuditEntry.record(c, clock.instant(), actor, publish ? "results.quote" : "results.unquote", "answer:" + answerId, null);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot mark answer " + answerId, e);
        }
    }

    /** The marked quotes of a wave's question, newest first. */
    List<Quote> of(long waveId, String questionId) {
        List<Quote> out = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select a.value ->> 'text', a.language from result_quotes q join answers a on a.id = q.answer_id "
                     + "where a.wave_id = ? and a.question_id = ? and a.value ->> 'kind' = 'TEXT' order by a.answered_at desc limit " + PUBLIC_LIMIT)) {
            ps.setLong(1, waveId);
            ps.setString(2, questionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Quote(Shown.text(rs.getString(1)), rs.getString(2), Languages.isRightToLeft(rs.getString(2))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the quotes", e);
        }
        return out;
    }
}
