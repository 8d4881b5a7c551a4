package nl.stem.results;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The results pages' texts, in English here and in Dutch in {@code messages/res_nl.properties};
 * templates write {@code {res:title}}. The public page's texts are in the survey's languages and
 * come from {@code translations/_stem} instead ({@link PublicTexts}).
 */
@MessageBundle(value = "res", locale = "en")
public interface ResultsMessages {
    @Message("Results")
    String title();

    @Message("Results of {survey}")
    String title_of(String survey);

    @Message("Choose a survey, or one of its waves.")
    String choose();

    @Message("No survey has been published yet.")
    String no_surveys();

    @Message("All responses")
    String all_responses();

    @Message("Waves")
    String nav_waves();

    @Message("Filters")
    String filters();

    @Message("Waves")
    String filter_waves();

    @Message("From")
    String filter_from();

    @Message("To")
    String filter_to();

    @Message("Language")
    String filter_language();

    @Message("Channel")
    String filter_channel();

    @Message("any")
    String any();

    @Message("Breakdown")
    String filter_by();

    @Message("none")
    String by_none();

    @Message("language")
    String by_language();

    @Message("channel")
    String by_channel();

    @Message("wave (over time)")
    String by_wave();

    @Message("Only members who answered in every wave chosen (panel comparison)")
    String filter_paired();

    @Message("Question texts in")
    String filter_text_language();

    @Message("Order")
    String filter_view();

    @Message("by IoI domain and indicator")
    String view_ioi();

    @Message("in survey order")
    String view_survey();

    @Message("Show")
    String show();

    @Message("{responses} responses in these results{#if waves} · waves: {waves}{/if}.")
    String summary(String responses, String waves);

    @Message("Each response is one session: a member who took part in two waves counts once in each. Percentages are of the responses that answered the question; skipped, not applicable, not asked (skip logic), stopped before the question and still under way are counted apart and never in a percentage.")
    String rule_denominator();

    @Message("Small groups are hidden: a group of fewer than {k} responses shows “<{k}”, and where the total would give such a group away, the next smallest group is hidden too.")
    String rule_suppression(int k);

    @Message("Overview by IoI domain")
    String overview();

    @Message("Domain")
    String col_domain();

    @Message("Questions")
    String col_questions();

    @Message("Most answered")
    String col_most_answered();

    @Message("Not tagged")
    String untagged();

    @Message("Answer")
    String col_answer();

    @Message("Count")
    String col_count();

    @Message("Share")
    String col_share();

    @Message("Group")
    String col_group();

    @Message("Mean")
    String col_mean();

    @Message("Median")
    String col_median();

    @Message("All")
    String all();

    @Message("Fewer than {k} responses answered: not shown.")
    String suppressed(int k);

    @Message("n = {n} answered")
    String n_answered(String n);

    @Message("{n} skipped")
    String m_skipped(String n);

    @Message("{n} not applicable")
    String m_not_applicable(String n);

    @Message("{n} not asked (skip logic)")
    String m_not_asked(String n);

    @Message("{n} stopped before it")
    String m_stopped(String n);

    @Message("{n} still under way")
    String m_in_progress(String n);

    @Message("Share of respondents choosing each option; one may choose several, so the shares add up to more than 100%.")
    String multiple_note();

    @Message("mean {mean} · median {median}")
    String mean_median(String mean, String median);

    @Message("quartiles {q1} – {q3} · range {min} – {max}")
    String quartiles(String q1, String q3, String min, String max);

    @Message("{n} of them voice notes, videos or pictures")
    String media_count(String n);

    @Message("Read the answers")
    String read_answers();

    @Message("Table as CSV")
    String csv();

    @Message("Chart as image")
    String chart_image();

    @Message("Chart")
    String chart();

    @Message("IoI")
    String ioi();

    @Message("Answers to “{question}”")
    String answers_title(String question);

    @Message("Search")
    String search();

    @Message("{total} answers, newest first. No name or pseudonym is shown.")
    String answers_summary(String total);

    @Message("No answers.")
    String answers_none();

    @Message("Page {page} of {pages}")
    String page_of(int page, int pages);

    @Message("Previous")
    String previous();

    @Message("Next")
    String next();

    @Message("Back to the results")
    String back();

    @Message("On the public page")
    String quote_marked();

    @Message("Show on the public page")
    String quote_mark();

    @Message("Remove from the public page")
    String quote_unmark();

    @Message("The file is not available (yet).")
    String media_unavailable();

    @Message("Public results")
    String publication_title();

    @Message("The results of this wave are public at:")
    String publication_live();

    @Message("Publishing gives an unguessable link to a page with only the counted, suppressed figures, in the survey's languages: no open answers (unless marked), no names or pseudonyms. You can revoke it at any time.")
    String publication_help();

    @Message("Publish the results of this wave")
    String publish();

    @Message("Revoke the public link")
    String revoke();

    @Message("Only coordinators publish results.")
    String publication_coordinators();

    @Message("Exports")
    String exports_title();

    @Message("The answers of these filters in every format, with this login. Each download is audited.")
    String exports_help();

    @Message("The survey's results")
    String survey_results();
}
