package nl.stem.panel.member;

/**
 * What an import did, e.g. {@code {"rows": 3, "created": 1, "updated": 1, "unchanged": 1}}: sending
 * the same file twice gives {@code created 0, updated 0} the second time.
 */
public record ImportResult(int rows, int created, int updated, int unchanged) {
}
