package nl.stem.panel.wave;

/**
 * Links that open a conversation with Stem and hand it an invitation token, for members who have
 * not written to us yet (a Telegram bot cannot write first). The channel implements it; the panel
 * only asks. Example: {@code link("q3T...")} gives {@code https://t.me/StemBot?start=q3T...}.
 */
public interface InvitationLinks {

    /** Whether links can be made (the bot's username is set). */
    boolean available();

    /** The link for {@code token}. */
    String link(String token);
}
