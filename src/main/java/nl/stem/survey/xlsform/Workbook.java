package nl.stem.survey.xlsform;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The sheets of an .xlsx, in tab order; what the importer reads and the exporter writes. */
public record Workbook(List<Sheet> sheets) {
    public Workbook {
        sheets = List.copyOf(sheets);
    }

    /** The sheet with this name, ignoring case ({@code Survey} is {@code survey}). */
    public Optional<Sheet> sheet(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return sheets.stream().filter(s -> s.name().strip().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
