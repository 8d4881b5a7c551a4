package nl.stem.api.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.survey.PublishedSurvey;
import nl.stem.survey.model.Question;

/**
 * The long format: one row per answer, streamed straight from the cursor. Text is kept as given,
 * line breaks included (quoted); {@code wave} is the answer's wave id, empty outside a wave.
 */
@ApplicationScoped
public class LongCsv {
    public static final List<String> HEADER = List.of("respondent", "wave", "session", "survey", "survey_version",
            "question", "question_type", "value", "value_label", "raw_text", "language", "channel", "answered_at",
            "ioi_tags", "media_id");

    @Inject
    AnswerCursor cursor;

    /** Writes the CSV; returns the number of answer rows. */
    public long write(ExportFilter f, OutputStream out) throws IOException {
        Map<Long, PublishedSurvey> versions = new HashMap<>();
        f.versions().forEach(v -> versions.put(v.versionId(), v));
        Csv.CsvWriter csv = Csv.writer(out);
        csv.row(HEADER);
        long n = cursor.forEach(f, AnswerCursor.Order.ANSWER, row -> {
            Question q = versions.get(row.versionId()).version().survey().question(row.questionId()).orElse(null);
            csv.row(row.pseudonym(), row.waveId(), row.sessionId(), row.surveyId(), row.version(), row.questionId(),
                    row.questionType(), AnswerValues.value(row.value(), row.mediaId()), AnswerValues.label(q, row.value()),
                    row.rawText(), row.language(), row.channel(), Csv.time(row.answeredAt()),
                    String.join(" ", row.ioiTags()), row.mediaId());
        });
        csv.flush();
        return n;
    }
}
