package nl.stem.survey;

/**
 * The payloads Stem puts on buttons. Stable (built from stable ids) and at most 64 bytes of UTF-8,
 * which the validator checks for every choice: Telegram's callback_data limit.
 */
public final class ButtonPayloads {
    /** Telegram's callback_data limit in bytes. */
    public static final int MAX_BYTES = 64;

    private ButtonPayloads() {
    }

    /** An answer to question {@code questionId}: a choice id, a scale value, {@code yes}/{@code no}, {@code na}, {@code skip}, {@code done}. */
    public static String answer(String questionId, String value) {
        return "a:" + questionId + ":" + value;
    }

    /** A language from the language menu. */
    public static String language(String tag) {
        return "lang:" + tag;
    }

    /** A confirmation for a command (e.g. {@code delete:yes}). */
    public static String command(String command, String value) {
        return command + ":" + value;
    }
}
