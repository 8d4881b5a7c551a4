package nl.stem.results;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One question's table as CSV, as the page shows it: a row for all responses, then one per group;
 * a column of counts and one of shares per option, then mean, median and the missing kinds. A
 * suppressed group's row says {@code <5} and nothing else. Text cells a spreadsheet would run as a
 * formula get a leading apostrophe.
 */
final class ResultsCsv {
    private ResultsCsv() {
    }

    static void write(SurveyResults results, QuestionResult q, String allLabel, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF'); // Excel reads UTF-8 only with a byte-order mark
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180);
        List<String> header = new ArrayList<>(List.of("question", "group", "n"));
        for (Option o : q.options()) {
            header.add(o.key() + " count");
            header.add(o.key() + " share");
        }
        header.addAll(List.of("mean", "median", "q1", "q3", "skipped", "not_applicable", "not_asked", "stopped", "in_progress"));
        csv.printRecord(header);
        String hidden = "<" + results.minCellSize();
        row(csv, q, allLabel, q.suppressed() ? null : q.total(), hidden);
        for (Group g : q.groups()) {
            row(csv, q, g.label(), g.suppressed() ? null : g.figures(), hidden);
        }
        csv.flush();
    }

    private static void row(CSVPrinter csv, QuestionResult q, String group, Figures f, String hidden) throws IOException {
        List<String> cells = new ArrayList<>(List.of(q.id(), safe(group)));
        if (f == null) {
            cells.add(hidden);
            csv.printRecord(cells);
            return;
        }
        cells.add(Long.toString(f.n()));
        for (Option o : q.options()) {
            cells.add(Long.toString(f.counts().getOrDefault(o.key(), 0L)));
            Double share = f.shares().get(o.key());
            cells.add(share == null ? "" : share.toString());
        }
        cells.add(number(f.mean()));
        cells.add(number(f.median()));
        cells.add(number(f.q1()));
        cells.add(number(f.q3()));
        Missing m = f.missing();
        if (m != null) {
            cells.addAll(List.of(Long.toString(m.skipped()), Long.toString(m.notApplicable()), Long.toString(m.notAsked()),
                    Long.toString(m.stopped()), Long.toString(m.inProgress())));
        }
        csv.printRecord(cells);
    }

    private static String number(Double d) {
        return d == null ? "" : d.toString();
    }

    /** A text cell that begins like a formula gets an apostrophe (OWASP's advice on CSV injection). */
    static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
    }
}
