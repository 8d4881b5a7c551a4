package nl.stem.engine;

import java.util.List;

/**
 * A message to send to the respondent, channel-neutral. Channels render buttons in their own
 * idiom (inline keyboard, numbered list, preview buttons).
 *
 * @param kind       why it is sent
 * @param text       the full text, already localized and formatted
 * @param buttons    choices to offer, possibly empty
 * @param rtl        true when the text's language is written right to left
 * @param questionId the question it asks or re-asks, or null
 * @param listed     how many of the first buttons the text already lists as numbered lines (the
 *                   options of a choice question, the language menu); channels without buttons show
 *                   the others as lines of their own
 */
public record Outbound(Kind kind, String text, List<Button> buttons, boolean rtl, String questionId, int listed) {

    /** A message whose text lists none of its buttons. */
    public Outbound(Kind kind, String text, List<Button> buttons, boolean rtl, String questionId) {
        this(kind, text, buttons, rtl, questionId, 0);
    }

    public enum Kind {
        /** A question (first time or asked again). */
        QUESTION,
        /** An info item of the survey. */
        INFO,
        /** A re-prompt after an answer that did not fit. */
        REPROMPT,
        /** A notice from Stem itself: thanks, help, paused, stopped, language changed. */
        NOTICE,
        /**
         * An invitation or reminder queued by a panel wave, not a reply. Channels that limit what may
         * be sent outside a conversation (WhatsApp's 24-hour window) send an approved template instead.
         */
        INVITATION
    }

    public Outbound {
        buttons = List.copyOf(buttons);
        listed = Math.max(0, Math.min(listed, buttons.size()));
    }
}
