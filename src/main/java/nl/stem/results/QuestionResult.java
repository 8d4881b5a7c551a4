package nl.stem.results;

import java.util.List;

/**
 * What the responses said to one question.
 *
 * @param id         the question's id
 * @param type       its type as in survey files ({@code single_choice}, {@code scale}, ...)
 * @param text       its text in the viewer's language
 * @param ioi        its IoI tags
 * @param options    the values counted, in the survey's order (empty for number, text and media)
 * @param suppressed true when fewer than the smallest shown group answered at all: no figures then
 * @param total      all responses in scope; null when suppressed
 * @param histogram  number questions: bars over the answers' range; else empty
 * @param groups     the breakdown, largest group first ("" and "other" last); empty without one
 */
public record QuestionResult(String id, String type, String text, List<String> ioi, List<Option> options, boolean suppressed,
                             @com.fasterxml.jackson.annotation.JsonUnwrapped Figures total, List<Bin> histogram, List<Group> groups) {
    public QuestionResult {
        ioi = List.copyOf(ioi);
        options = List.copyOf(options);
        histogram = List.copyOf(histogram);
        groups = List.copyOf(groups);
    }

    /** Columns of a breakdown row after n: mean and median, or one per option (and a mean for scales). */
    public int groupColumns() {
        if (options.isEmpty()) {
            return 2;
        }
        return "scale".equals(type) ? options.size() + 1 : options.size();
    }

    /** Whether the answers are free text or media, listed rather than counted. */
    public boolean listed() {
        return switch (type) {
            case "text", "open", "audio", "video", "image" -> true;
            default -> false;
        };
    }
}
