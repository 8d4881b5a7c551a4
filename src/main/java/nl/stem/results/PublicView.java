package nl.stem.results;

import java.util.List;

/**
 * What the public page shows of a wave: counted figures only, suppressed as everywhere, with the
 * survey's own words in one of its languages. No group breakdown, no missing-value detail (small
 * counts), no minimum or maximum (one person's answer), no pseudonym, and no open answer that a
 * researcher did not mark.
 *
 * @param title       the survey's title
 * @param language    the page's language
 * @param rtl         whether it is written right to left
 * @param languages   the survey's languages, each in its own name, to switch
 * @param heading     "What the panel said"
 * @param intro       "Results of …: N people took part."
 * @param rule        the suppression rule in the page's language
 * @param responses   responses in the wave; 0 when fewer than the threshold
 * @param questions   in survey order
 */
public record PublicView(String title, String language, boolean rtl, List<LanguageLink> languages, String heading, String intro, String rule,
                         long responses, List<PublicQuestion> questions) {
    public PublicView {
        languages = List.copyOf(languages);
        questions = List.copyOf(questions);
    }

    /** A language of the survey: its tag and its own name. */
    public record LanguageLink(String tag, String name) {
    }

    /**
     * @param note      "N answered", the hidden notice, or the multiple-choice note
     * @param options   label and share of each option; empty when suppressed or not counted
     * @param average   "Average: …" for scales and numbers, else null
     * @param quotes    marked open answers
     */
    public record PublicQuestion(String id, String type, String text, boolean suppressed, long n, String note,
                                 List<PublicOption> options, String average, List<Quotes.Quote> quotes) {
        public PublicQuestion {
            options = List.copyOf(options);
            quotes = List.copyOf(quotes);
        }
    }

    /** An option with its share (0 to 1). */
    public record PublicOption(String key, String label, double share) {
    }
}
