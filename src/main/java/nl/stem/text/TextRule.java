package nl.stem.text;

/**
 * What becomes of text with a character Stem cannot hold ({@link ExternalText}), per kind of input.
 */
public enum TextRule {
    /**
     * Removed, and the rest kept (NFC, at most {@link ExternalText#MAX_CHARS}): text from respondents
     * and providers (Telegram updates, Twilio parameters, the preview). A respondent cannot fix what
     * their phone sent, and refusing a webhook makes the provider deliver it again and again.
     */
    REMOVE,
    /**
     * Refused with a 4xx that names the field and the place: text from staff (API bodies, member
     * CSV, survey files). They can fix it at the source, and silently changed ids or filter values
     * would do something else than asked.
     */
    REFUSE
}
