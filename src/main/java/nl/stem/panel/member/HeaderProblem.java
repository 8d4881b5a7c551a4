package nl.stem.panel.member;

/**
 * What is wrong with one header column, e.g.
 * {@code {"column": "Region", "position": 5, "problem": "not a valid attribute name: ..."}};
 * {@code position} is 1-based, 0 for a missing column.
 */
public record HeaderProblem(String column, int position, String problem) {
}
