package nl.stem.engine;

import java.util.List;

import nl.stem.survey.model.PromptAudio;

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
 * @param audio      for a {@link Kind#VOICE} message: the prompt to play; null otherwise
 */
public record Outbound(Kind kind, String text, List<Button> buttons, boolean rtl, String questionId, int listed,
                       PromptAudio audio) {

    /** A message whose text lists none of its buttons. */
    public Outbound(Kind kind, String text, List<Button> buttons, boolean rtl, String questionId) {
        this(kind, text, buttons, rtl, questionId, 0, null);
    }

    /** A message without audio. */
    public Outbound(Kind kind, String text, List<Button> buttons, boolean rtl, String questionId, int listed) {
        this(kind, text, buttons, rtl, questionId, listed, null);
    }

    /**
     * The question {@code questionId} read aloud, sent just before its text. {@code text} is the
     * question's text, for channels that cannot play audio (they skip the message: the text follows).
     * Example: {@code Outbound.voice(new PromptAudio("9bb9...", 8207, 2302, false), "help_vwn", "...", true)}
     */
    public static Outbound voice(PromptAudio audio, String questionId, String text, boolean rtl) {
        return new Outbound(Kind.VOICE, text, List.of(), rtl, questionId, 0, audio);
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
        INVITATION,
        /** A question read aloud: a voice note ({@link #audio()}) just before the question's text. */
        VOICE
    }

    public Outbound {
        buttons = List.copyOf(buttons);
        listed = Math.max(0, Math.min(listed, buttons.size()));
    }
}
