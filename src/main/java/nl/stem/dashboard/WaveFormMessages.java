package nl.stem.dashboard;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The new-wave form's texts, in English here and in Dutch in {@code messages/wf_nl.properties}. */
@MessageBundle(value = "wf", locale = "en")
public interface WaveFormMessages {
    @Message("New wave")
    String title();

    @Message("Start a new wave")
    String start_link();

    @Message("Name")
    String name();

    @Message("Survey")
    String survey();

    @Message("Invitations at (empty: now; each member's moved out of their quiet hours)")
    String invite_at();

    @Message("Reminders, hours after the invitation (e.g. 48, 120)")
    String reminders();

    @Message("Channel")
    String channel();

    @Message("Language")
    String language();

    @Message("all")
    String all();

    @Message("Member attributes, one per line (e.g. region=Utrecht)")
    String attributes();

    @Message("Member ids, one per line (empty: everyone the filter selects)")
    String members();

    @Message("Quiet hours from")
    String quiet_start();

    @Message("to")
    String quiet_end();

    @Message("Preview who is invited")
    String preview();

    @Message("Launch the wave")
    String launch();

    @Message("Who this wave invites")
    String preview_title();

    @Message("When the invitations go")
    String schedule_title();

    @Message("Within the daily limit on new WhatsApp conversations and the members' quiet hours. \"New conversations\" are templates to members who have not written in the last 24 hours: they count toward the limit and cost money.")
    String schedule_help();

    @Message("Day")
    String col_day();

    @Message("Invitations")
    String col_invitations();

    @Message("New conversations")
    String col_templates();

    @Message("The last invitation goes at {when}.")
    String last_invitation(String when);

    @Message("Estimated provider cost")
    String cost_title();

    @Message("Messages")
    String col_messages();

    @Message("Category, country")
    String col_category();

    @Message("Price")
    String col_price();

    @Message("Amount")
    String col_amount();

    @Message("Total for the invitations: {amount} {currency}; if every reminder went too, at most {most} {currency}.")
    String cost_total(String amount, String currency, String most);

    @Message("{n} messages have no price configured (stem.twilio.prices.<category>.<country code>).")
    String cost_unpriced(int n);

    @Message("No message of this wave costs anything.")
    String cost_none();

    @Message("Launching would be refused")
    String problems_title();

    @Message("{n} members invited")
    String invited(int n);

    @Message("{n} Telegram members need a link handed out")
    String links(int n);

    @Message("Left out")
    String excluded();

    @Message("Nobody is left out.")
    String excluded_none();

    @Message("Reason")
    String reason();

    @Message("Members")
    String count();

    @Message("Launching sends the invitations at the time above. Check the preview first: a launch cannot be undone, only closed.")
    String launch_help();

    @Message("{line}: write an attribute as name=value")
    String bad_attribute(String line);

    @Message("Reminders are whole hours separated by commas, such as 48, 120")
    String bad_reminders();

    @Message("The time must look like 2026-11-24T10:00")
    String bad_time();

    @Message("Actions")
    String actions();

    @Message("Close the wave")
    String close();

    @Message("Closing stops new starts through this wave and cancels queued invitations and reminders; sessions under way may finish.")
    String close_help();

    @Message("What we learned")
    String feedback();

    @Message("Sent once, to the members who took part, each in their language ({others} for the others). Write {|{link}|} for the link to the public results.")
    String feedback_help(String others);

    @Message("Send what we learned")
    String feedback_send();

    @Message("other languages")
    String feedback_default();

    @Message("Preview per language")
    String feedback_preview();

    @Message("What we learned, per language")
    String feedback_preview_title();

    @Message("Each member gets the message in their language, or the one for other languages. Nothing has been sent yet.")
    String feedback_preview_help();

    @Message("{n} member(s) receive this")
    String recipients(long n);

    @Message("No text for this language and none for other languages: members in it would get nothing, and sending is refused.")
    String feedback_no_text();

    @Message("Back to the wave")
    String back_to_wave();

    @Message("Telegram links to hand out (CSV)")
    String links_csv();

    @Message("one per Telegram member not linked yet: member id and their personal link")
    String links_csv_help();

    @Message("What we learned was sent on {at}.")
    String feedback_sent(String at);
}
