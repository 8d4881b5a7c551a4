package nl.stem.channel.telegram;

import nl.stem.engine.Input;

/** What one Telegram update means to Stem, decided from the payload alone (no database). */
sealed interface TelegramEvent {

    /**
     * Something the respondent did in a private chat. Example: a tap on "٣" ->
     * {@code new FromChat("42", new ButtonTap("a:help_vwn:3"), "ar", null, "cbq-1")}.
     *
     * @param chatId          the private chat (= the user), as text
     * @param input           what they did; {@code /start} is {@code Input.Start}
     * @param languageHint    Telegram's language_code of the sender's app, or null
     * @param startPayload    the {@code <payload>} of {@code /start <payload>}, or null
     * @param callbackQueryId set for a button tap: answered after commit
     */
    record FromChat(String chatId, Input input, String languageHint, String startPayload, String callbackQueryId)
            implements TelegramEvent {
    }

    /** The user blocked the bot ({@code my_chat_member} with status {@code kicked}). */
    record Blocked(String chatId) implements TelegramEvent {
    }

    /** Nothing to do (edits, channel posts, group messages, other update kinds). Example: {@code new Ignored("edited_message")} */
    record Ignored(String kind) implements TelegramEvent {
    }
}
