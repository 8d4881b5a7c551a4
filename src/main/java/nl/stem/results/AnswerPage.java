package nl.stem.results;

import java.util.List;

/**
 * A page of a question's open answers, newest first.
 *
 * @param question the question's result (its text and counts)
 * @param search   the search as given, "" for none
 * @param page     1-based
 * @param pages    number of pages (at least 1)
 * @param total    answers matching the search
 * @param answers  this page's answers
 */
public record AnswerPage(QuestionResult question, String search, int page, int pages, long total, List<OpenAnswer> answers) {
    public AnswerPage {
        answers = List.copyOf(answers);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }
}
