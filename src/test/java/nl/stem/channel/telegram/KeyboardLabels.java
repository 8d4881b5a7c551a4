package nl.stem.channel.telegram;

import java.util.List;

import nl.stem.engine.Button;

/** What a Telegram user sees as buttons for an engine message: the labels of its inline keyboard, row by row. */
public final class KeyboardLabels {
    private KeyboardLabels() {
    }

    public static List<String> of(List<Button> buttons) {
        return Keyboards.of(buttons).getKeyboard().stream().flatMap(List::stream).map(k -> k.getText()).toList();
    }
}
