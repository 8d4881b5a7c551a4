package nl.stem.outbox;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a message failed, or why it still waits, as the coordinator sees it: stored in
 * {@code outbox.failure_reason} as {@code code} or {@code code:detail} (the detail is a language or a
 * provider error code, never a person). Each reason says what it means and what to do; a channel
 * may say more ({@link ChannelSender#advice}). Example: {@code no_template:ti} is "no approved
 * template for language ti: configure stem.twilio.templates.ti".
 */
public enum FailureReason {
    /** No approved template for the member's language and no default. */
    NO_TEMPLATE("no approved template for the member's language", "configure the channel's template for that language, or a default"),
    /** The provider said the 24-hour window had closed, and the message was not one a template can carry. */
    NEEDS_TEMPLATE("the member's 24-hour window had closed", "they get the next invitation or reminder as a template; or ask them to write to the number"),
    /** Waiting for the daily limit on new conversations. */
    DAILY_LIMIT("daily limit on new conversations reached", "nothing to do: the next invitations go when the limit allows"),
    /** The provider's rate or messaging limit (Twilio 63018, Telegram 429). */
    RATE_LIMITED("the provider's rate or messaging limit was hit", "retried with a growing delay; lower the channel's rate or daily limit if it keeps happening"),
    /** Meta chose not to deliver a marketing template to this person now (Twilio 63049). */
    SUPPRESSED("Meta held back a marketing template", "retried hours later; submit the templates for the utility category (docs/whatsapp-templates.md)"),
    /** The number has no WhatsApp, is invalid, or is in Meta's marketing experiment (Twilio 63024, 21211, 63032). */
    NOT_ON_WHATSAPP("the number cannot receive WhatsApp messages", "check the member's number, or invite them on another channel; they are reachable again when they write"),
    /** The member opted out (Twilio 21610) or blocked the bot (Telegram 403). */
    UNREACHABLE("the member opted out or blocked the bot", "nothing is sent to them until they write again"),
    /** The provider accepted it and later reported it undelivered (Twilio 30003-30008). */
    UNDELIVERED("the provider could not deliver it", "see the error code; a later message may arrive"),
    /** Retried until stem.outbox.max-attempts, then given up. */
    GAVE_UP("given up after repeated provider errors", "check the provider's status and credentials; the next message is tried afresh"),
    /** The provider refused it for another documented reason. */
    REFUSED("the provider refused it", "see the error in the outbox"),
    /** Not sent: outside the 24-hour window, and only panel messages may go there. */
    OUTSIDE_WINDOW("outside the member's 24-hour window", "only invitations and reminders go as templates; the member's next message reopens the window");

    private final String meaning;
    private final String todo;

    FailureReason(String meaning, String todo) {
        this.meaning = meaning;
        this.todo = todo;
    }

    /** The stored code, e.g. {@code no_template}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the reason means, in words. */
    public String meaning() {
        return meaning;
    }

    /** What to do about it, when the channel has nothing more precise. */
    public String todo() {
        return todo;
    }

    /** The stored form with a detail: {@code no_template:ti}. */
    public String with(String detail) {
        return detail == null || detail.isBlank() ? code() : code() + ":" + detail;
    }

    /** The reason of a stored {@code code[:detail]}. */
    public static Optional<FailureReason> parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return Optional.empty();
        }
        int colon = stored.indexOf(':');
        String code = colon < 0 ? stored : stored.substring(0, colon);
        for (FailureReason r : values()) {
            if (r.code().equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The detail of a stored {@code code:detail}, or null. */
    public static String detail(String stored) {
        int colon = stored == null ? -1 : stored.indexOf(':');
        return colon < 0 ? null : stored.substring(colon + 1);
    }
}
