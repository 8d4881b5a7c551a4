package nl.stem.panel.member;

import java.util.List;

/**
 * A rejected row of a member import: the line it starts on, its member id as written (may be empty)
 * and every reason, e.g. {@code {"line": 7, "memberId": "M-007", "reasons": ["language 'arabic' is not
 * a BCP 47 language tag (e.g. ar, ti, fa-AF)"]}}.
 */
public record RowProblem(long line, String memberId, List<String> reasons) {
}
