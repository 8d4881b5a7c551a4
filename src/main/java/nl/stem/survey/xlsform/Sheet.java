package nl.stem.survey.xlsform;

import java.util.List;

/** A worksheet: its name as on the tab and its rows in order (empty rows left out). */
public record Sheet(String name, List<SheetRow> rows) {
    public Sheet {
        rows = List.copyOf(rows);
    }
}
