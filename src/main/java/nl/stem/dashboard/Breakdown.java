package nl.stem.dashboard;

import java.util.List;

/**
 * A wave's members split by one property. Example: {@code new Breakdown("channel", rows)} with a
 * row for telegram and one for whatsapp.
 *
 * @param by   {@code language}, {@code channel}, or the name of a member attribute such as {@code region}
 * @param rows largest group first, members without a value (key "") last
 */
public record Breakdown(String by, List<BreakdownRow> rows) {
    public Breakdown {
        rows = List.copyOf(rows);
    }
}
