package nl.stem.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.language.Languages;

/**
 * The open answers of a question, a page at a time and searchable, read straight from the
 * database with {@code limit}/{@code offset}: never the whole list in memory. No pseudonym, no
 * identity, and no breakdown: a quote beside a small group's attribute could name its author.
 */
@ApplicationScoped
public class OpenAnswers {
    /** Longest search text. */
    static final int MAX_SEARCH = 200;
    /** Furthest page (offset paging past this is not what a reader does). */
    static final int MAX_PAGE = 10_000;

    @Inject
    DataSource db;
    @Inject
    ResultsConfig config;

    /**
     * @param question  a text, open or media question of the scope's survey
     * @param search    words the text must contain (case-insensitive); null or blank for all
     * @param page      1-based
     * @param quotesOnly only the answers marked for the public page
     */
    public AnswerPage page(ResultsScope scope, QuestionResult question, String search, int page, boolean quotesOnly, ZoneId zone) {
        String s = search == null ? "" : search.strip();
        if (s.length() > MAX_SEARCH) {
            throw new StemException(ErrorCode.SEARCH_TOO_LONG, "Search for at most " + MAX_SEARCH + " characters");
        }
        if (page < 1 || page > MAX_PAGE) {
            throw new StemException(ErrorCode.BAD_PAGE, "page must be from 1 to " + MAX_PAGE);
        }
        int size = config.pageSize();
        Statement where = new Statement().sql(" from answers a join sessions s on s.id = a.session_id"
                        + " left join media_objects m on m.id = a.media_id left join result_quotes rq on rq.answer_id = a.id where ")
                .append(ResultsQuery.sessionConditions(scope))
                .sql(" and not a.preview and a.question_id = ").param(question.id())
                .sql(" and a.value ->> 'kind' in ('TEXT', 'MEDIA')");
        if (!scope.waves().isEmpty()) {
            where.sql(" and a.wave_id = any(").param(scope.waveIds()).sql(")");
        }
        if (!s.isEmpty()) {
            where.sql(" and coalesce(a.value ->> 'text', a.raw_text, '') ilike ").param("%" + escapeLike(s) + "%").sql(" escape '\\'");
        }
        if (quotesOnly) {
            where.sql(" and rq.answer_id is not null");
        }
        try (Connection c = db.getConnection()) {
            long total;
            try (PreparedStatement ps = new Statement().sql("select count(*)").append(where).prepare(c); ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            List<OpenAnswer> answers = new ArrayList<>();
            Statement list = new Statement().sql("select a.id, coalesce(a.value ->> 'text', case when a.media_id is null then a.raw_text end),"
                            + " a.language, a.answered_at, a.media_id, m.kind, m.mime_type, m.status, rq.answer_id is not null")
                    .append(where).sql(" order by a.answered_at desc, a.id desc limit ").param(size)
                    .sql(" offset ").param((long) (page - 1) * size);
            try (PreparedStatement ps = list.prepare(c); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String language = rs.getString(3);
                    answers.add(new OpenAnswer(rs.getLong(1), Shown.text(rs.getString(2)), language, Languages.isRightToLeft(language),
                            rs.getTimestamp(4).toInstant().atZone(zone).toLocalDate(), rs.getObject(5, UUID.class), rs.getString(6),
                            rs.getString(7), "stored".equals(rs.getString(8)), rs.getBoolean(9)));
                }
            }
            int pages = (int) Math.max(1, (total + size - 1) / size);
            return new AnswerPage(question, s, page, pages, total, answers);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the answers to " + question.id(), e);
        }
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
