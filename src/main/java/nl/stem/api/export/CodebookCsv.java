package nl.stem.api.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The codebook as CSV: one row per variable; value labels and texts in every language
 * ({@code text_<lang>} columns); value labels as {@code value=label} pairs separated by {@code " | "}.
 */
public final class CodebookCsv {
    private CodebookCsv() {
    }

    public static void write(Codebook codebook, OutputStream out) throws IOException {
        Csv.CsvWriter csv = Csv.writer(out);
        List<String> header = new ArrayList<>(List.of("name", "question", "type", "optional", "versions", "condition",
                "ioi_tags", "value_labels", "missing_values"));
        codebook.languages().forEach(l -> header.add("text_" + l));
        csv.row(header);
        String missing = codebook.missingValues().stream().map(c -> c.code() + "=" + c.label()).collect(Collectors.joining(" | "));
        for (Codebook.Entry e : codebook.variables()) {
            List<String> row = new ArrayList<>(List.of(e.name(), e.question(), e.type(), String.valueOf(e.optional()),
                    e.versions().stream().map(String::valueOf).collect(Collectors.joining(" ")),
                    e.condition() == null ? "" : e.condition(), String.join(" ", e.ioi()),
                    e.valueLabels().stream().map(l -> l.value() + "=" + CodebookBuilder.sourceLabel(codebook, l))
                            .collect(Collectors.joining(" | ")),
                    missing));
            for (String lang : codebook.languages()) {
                row.add(e.text().stream().filter(t -> t.language().equals(lang)).map(Codebook.Text::text).findFirst().orElse(""));
            }
            csv.row(row);
        }
        csv.flush();
    }
}
