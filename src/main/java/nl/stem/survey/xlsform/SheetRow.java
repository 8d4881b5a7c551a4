package nl.stem.survey.xlsform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One row of a sheet with its non-empty cells, in column order. {@code number} is 1-based, as Excel
 * shows it. When a (damaged) file names a cell twice, the first one counts.
 */
public record SheetRow(int number, List<SheetCell> cells) {
    public SheetRow {
        List<SheetCell> sorted = new ArrayList<>(cells);
        sorted.sort(Comparator.comparingInt(SheetCell::column)); // stable: the first of two stays first
        cells = List.copyOf(sorted);
    }

    /** The cell in a 1-based column, or null. */
    public SheetCell cell(int column) {
        int lo = 0;
        int hi = cells.size() - 1;
        SheetCell found = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = cells.get(mid).column();
            if (c < column) {
                lo = mid + 1;
            } else {
                if (c == column) {
                    found = cells.get(mid);
                }
                hi = mid - 1;
            }
        }
        return found;
    }

    /** The stripped text of a column, empty when the cell is missing. */
    public String text(int column) {
        SheetCell c = cell(column);
        return c == null ? "" : c.value().strip();
    }

    /** Whether every cell is empty or white space. */
    public boolean blank() {
        return cells.stream().allMatch(c -> c.value().isBlank());
    }
}
