package nl.stem.api.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.survey.PublishedSurvey;
import nl.stem.survey.model.Condition;
import nl.stem.survey.model.Question;

/**
 * The wide format: one row per respondent per session (a session belongs to at most one wave: the
 * {@code wave} column), one column per variable of {@link WideLayout}. Rows come from the cursor
 * grouped by session, so only one session's answers are in memory at a time.
 *
 * <p>Every row is one physical line: a line break inside an open answer is written as U+2028 LINE
 * SEPARATOR ({@link Csv#oneLinePerRow}), because SPSS and PSPP end a case at every line break, quotes
 * or not. The long CSV and the Flow Results package keep line breaks as typed.
 */
@ApplicationScoped
public class WideCsv {
    @Inject
    AnswerCursor cursor;

    /** Writes the CSV; returns the number of session rows. */
    public long write(ExportFilter f, OutputStream out) throws IOException {
        WideLayout layout = new WideLayout(f.versions());
        Map<Long, PublishedSurvey> versions = new HashMap<>();
        f.versions().forEach(v -> versions.put(v.versionId(), v));
        Csv.CsvWriter csv = Csv.oneLinePerRow(out);
        csv.row(layout.header());
        List<AnswerRow> session = new ArrayList<>();
        long[] rows = {0};
        cursor.forEach(f, AnswerCursor.Order.SESSION, row -> {
            if (!session.isEmpty() && !session.get(0).sessionId().equals(row.sessionId())) {
                print(csv, layout, versions, session);
                rows[0]++;
                session.clear();
            }
            session.add(row);
        });
        if (!session.isEmpty()) {
            print(csv, layout, versions, session);
            rows[0]++;
        }
        csv.flush();
        return rows[0];
    }

    private static void print(Csv.CsvWriter csv, WideLayout layout, Map<Long, PublishedSurvey> versions, List<AnswerRow> answers)
            throws IOException {
        AnswerRow first = answers.get(0);
        PublishedSurvey version = versions.get(first.versionId());
        Map<String, AnswerRow> byQuestion = new HashMap<>();
        answers.forEach(a -> byQuestion.put(a.questionId(), a));
        List<String> cells = new ArrayList<>(List.of(first.pseudonym(),
                first.sessionWaveId() == null ? "" : first.sessionWaveId().toString(), first.sessionId().toString(), first.surveyId(),
                String.valueOf(first.version()), first.sessionLanguage() == null ? "" : first.sessionLanguage(),
                first.channel(), first.sessionStatus(), Csv.time(first.startedAt()), Csv.time(first.completedAt())));
        for (Variable v : layout.variables()) {
            AnswerRow a = byQuestion.get(v.column().id());
            if (a == null) {
                cells.add(missing(v.column(), version, first.sessionStatus(), byQuestion));
            } else if (v.choice() == null) {
                cells.add(AnswerValues.value(a.value(), a.mediaId()));
            } else if (a.value().answered()) {
                cells.add(a.value().choices().contains(v.choice()) ? "1" : "0");
            } else {
                cells.add(AnswerValues.value(a.value(), a.mediaId()));
            }
        }
        csv.row(cells);
    }

    /**
     * Why a question has no answer in this session: not in its version (empty), its condition was
     * false (-99), the session ended without reaching it (completed: -99, stopped or refused: -77),
     * or it is still under way (empty).
     */
    static String missing(QuestionColumn column, PublishedSurvey version, String status, Map<String, AnswerRow> answers) {
        Question q = version.version().survey().question(column.id()).orElse(null);
        if (q == null) {
            return "";
        }
        Condition when = q.head().when();
        if (when != null && when.references().stream().allMatch(answers::containsKey)) {
            Condition.AnswerLookup lookup = id -> {
                AnswerRow r = answers.get(id);
                return r == null ? null : r.value();
            };
            if (!when.test(lookup)) {
                return MissingCodes.NOT_APPLICABLE;
            }
        }
        return switch (status) {
            case "completed" -> MissingCodes.NOT_APPLICABLE;
            case "stopped", "refused" -> MissingCodes.REFUSED;
            default -> "";
        };
    }
}
