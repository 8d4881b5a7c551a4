package nl.stem.channel.telegram;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import nl.stem.engine.Button;
import nl.stem.survey.ButtonPayloads;
import nl.stem.language.Graphemes;

/**
 * Renders the engine's buttons as an inline keyboard: short labels (scale numbers, yes/no) side by
 * side, up to {@link #PER_ROW} a row; long labels one to a row so they are not cut off on a phone.
 * The callback data is the button's payload, unchanged.
 */
final class Keyboards {
    static final int PER_ROW = 5;
    /** Labels up to this many graphemes count as short. */
    static final int SHORT_LABEL = 4;

    private Keyboards() {
    }

    /** Example: buttons 1..5 and "Not applicable" -> rows [1 2 3 4 5] [Not applicable]. */
    static InlineKeyboardMarkup of(List<Button> buttons) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        InlineKeyboardRow shortRow = new InlineKeyboardRow();
        for (Button b : buttons) {
            InlineKeyboardButton key = InlineKeyboardButton.builder().text(b.label()).callbackData(callbackData(b)).build();
            if (Graphemes.count(b.label()) <= SHORT_LABEL) {
                shortRow.add(key);
                if (shortRow.size() == PER_ROW) {
                    rows.add(shortRow);
                    shortRow = new InlineKeyboardRow();
                }
            } else {
                if (!shortRow.isEmpty()) {
                    rows.add(shortRow);
                    shortRow = new InlineKeyboardRow();
                }
                rows.add(new InlineKeyboardRow(key));
            }
        }
        if (!shortRow.isEmpty()) {
            rows.add(shortRow);
        }
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    /** The payload, which the survey validator keeps within Telegram's 64 bytes; refused here if not. */
    static String callbackData(Button b) {
        int bytes = b.payload() == null ? 0 : b.payload().getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > ButtonPayloads.MAX_BYTES) {
            throw new CallbackDataException(bytes);
        }
        return b.payload();
    }

    /** A payload Telegram would refuse: empty or over 64 bytes. */
    static final class CallbackDataException extends RuntimeException {
        CallbackDataException(int bytes) {
            super("Button payload of " + bytes + " bytes: Telegram's callback_data takes 1-" + ButtonPayloads.MAX_BYTES);
        }
    }
}
