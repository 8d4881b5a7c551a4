package nl.stem.dashboard;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The dashboard's texts, in English here and in Dutch in {@code messages/dash_nl.properties}; templates
 * write {@code {dash:funnel_title}}. Kept apart from {@code translations/_stem}, which holds what
 * respondents read in every survey language.
 */
@MessageBundle(value = "dash", locale = "en")
public interface DashboardMessages {
    @Message("Stem dashboard")
    String app_title();

    @Message("Delivery")
    String delivery_title();

    @Message("Per channel: messages of this wave (invitations, reminders, feedback) still queued, sent, delivered, read, failed and cancelled. Below, every failure and every wait by reason, with what to do.")
    String delivery_help();

    @Message("Queued")
    String col_queued();

    @Message("Sent")
    String col_sent();

    @Message("Read")
    String col_read();

    @Message("Failed")
    String col_failed();

    @Message("Cancelled")
    String col_cancelled();

    @Message("Reason")
    String col_reason();

    @Message("What to do")
    String col_todo();

    @Message("State")
    String col_state();

    @Message("failed")
    String state_failed();

    @Message("waiting")
    String state_waiting();

    @Message("No message of this wave failed or waits.")
    String delivery_no_problems();

    @Message("Log in")
    String login_title();

    @Message("API token")
    String login_token();

    @Message("Log in with your researcher, coordinator or admin API token. It is checked once; after that a session cookie keeps you logged in for {hours} hours after your last visit.")
    String login_help(long hours);

    @Message("Log in")
    String login_submit();

    @Message("Enter your API token.")
    String login_error_empty();

    @Message("This token is not valid.")
    String login_error_invalid();

    @Message("This token's role may not open the dashboard: ask an admin for a researcher or coordinator token.")
    String login_error_role();

    @Message("The bootstrap token only creates the first tokens: log in with a coordinator or admin token.")
    String login_error_bootstrap();

    @Message("Log out")
    String logout();

    @Message("Logged in as {name}")
    String logged_in_as(String name);

    @Message("Sections")
    String nav();

    @Message("Waves")
    String nav_waves();

    @Message("Members")
    String nav_members();

    @Message("Results")
    String nav_results();

    @Message("Surveys")
    String nav_surveys();

    @Message("Tokens")
    String nav_tokens();

    @Message("Waves")
    String waves_title();

    @Message("No wave yet.")
    String waves_none();

    @Message("Wave")
    String col_wave();

    @Message("Survey")
    String col_survey();

    @Message("Status")
    String col_status();

    @Message("Invitations from")
    String col_invite_at();

    @Message("Invited")
    String col_invited();

    @Message("Delivered")
    String col_delivered();

    @Message("Started")
    String col_started();

    @Message("Completed")
    String col_completed();

    @Message("Complete (I)")
    String col_complete();

    @Message("RR1")
    String col_rr1();

    @Message("Members")
    String col_members();

    @Message("Share of invited")
    String col_share_invited();

    @Message("open")
    String status_open();

    @Message("closed")
    String status_closed();

    @Message("All waves")
    String back_to_waves();

    @Message("version {version}")
    String survey_version(int version);

    @Message("Completion rates for an opt-in panel")
    String note_title();

    @Message("Members joined the panel themselves, so these are completion rates of this panel, not response rates of a random sample. The codes follow AAPOR's Standard Definitions; each member counts once per wave.")
    String note_opt_in();

    @Message("With a session: refused consent → R. Otherwise the share of applicable questions answered decides: at least {complete} → I (complete), at least {partial} → P (partial), less → R (break-off). Sessions still open count by their answers so far.")
    String note_with_session(String partial, String complete);

    @Message("Without a session: opted out after the invitation → R; invitation delivered (Telegram message sent, WhatsApp delivered or read, Telegram link opened) → NC (non-contact); otherwise (failed, undelivered, unreachable, not sent yet, link not opened) → UO (unknown eligibility).")
    String note_without_session();

    @Message("RR1 = I / (I+P+R+NC+UO); RR2 = (I+P) / (I+P+R+NC+UO); COOP1 = I / (I+P+R); O and UH are 0. Break-off rate = break-offs / started. \"Completed\" means reached the end of the survey; \"Complete (I)\" is the threshold above.")
    String note_formulas();

    @Message("Rates")
    String rates_title();

    @Message("Figure")
    String col_figure();

    @Message("Value")
    String col_value();

    @Message("RR1 (complete / all)")
    String rate_rr1();

    @Message("RR2 (complete + partial / all)")
    String rate_rr2();

    @Message("COOP1 (complete / contacted and answered)")
    String rate_coop1();

    @Message("Break-off rate (of started)")
    String rate_break_off();

    @Message("Median completion time (h:mm:ss)")
    String rate_median();

    @Message("Answers")
    String total_answers();

    @Message("Media answers (audio, video, image)")
    String total_media();

    @Message("Funnel")
    String funnel_title();

    @Message("Stage")
    String col_stage();

    @Message("Invited")
    String stage_invited();

    @Message("Delivered")
    String stage_delivered();

    @Message("Started")
    String stage_started();

    @Message("Completed")
    String stage_completed();

    @Message("Case codes")
    String cases_title();

    @Message("Code")
    String col_code();

    @Message("Meaning")
    String col_meaning();

    @Message("Complete")
    String case_i();

    @Message("Partial")
    String case_p();

    @Message("Refusal and break-off")
    String case_r();

    @Message("Non-contact")
    String case_nc();

    @Message("Unknown eligibility (not reached)")
    String case_uo();

    @Message("of which break-offs")
    String case_break_offs();

    @Message("Where people stop")
    String dropoff_title();

    @Message("Members who started and did not complete, by the question where they are or stopped, in the survey's order.")
    String dropoff_help();

    @Message("#")
    String col_position();

    @Message("Question")
    String col_question();

    @Message("Stopped here")
    String col_stopped();

    @Message("Of which still open")
    String col_in_progress();

    @Message("Before the first question")
    String before_first();

    @Message("Nobody has stopped part-way.")
    String dropoff_none();

    @Message("By language")
    String by_language();

    @Message("By channel")
    String by_channel();

    @Message("By {name}")
    String by_attribute(String name);

    @Message("Language")
    String col_language();

    @Message("Channel")
    String col_channel();

    @Message("Group")
    String col_group();

    @Message("(not set)")
    String not_set();

    @Message("Break down by member attribute")
    String choose_attribute();

    @Message("none")
    String attribute_none();

    @Message("Show")
    String show();

    @Message("No member of this wave has attributes.")
    String attributes_none();

    @Message("Answers per IoI domain")
    String domains_title();

    @Message("An answer counts once in every domain its question is tagged with.")
    String domains_help();

    @Message("Domain")
    String col_domain();

    @Message("Answers")
    String col_answers();

    @Message("Media answers")
    String col_media();

    @Message("No answers yet.")
    String domains_none();

    @Message("Figures of {time}; they refresh every {seconds} seconds.")
    String updated(String time, long seconds);

    @Message("Chart; the same figures are in the table.")
    String chart_alt();

    @Message("Page not found")
    String error_not_found();

    @Message("Your role may not open the dashboard.")
    String error_forbidden();

    @Message("This request is not valid")
    String error_bad_request();

    @Message("Language")
    String language();
}
