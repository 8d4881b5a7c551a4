package nl.stem.engine;

/**
 * A button offered with a message. {@code payload} is stable and at most 64 bytes of UTF-8
 * (Telegram's callback_data limit), e.g. {@code a:<question>:<choice>} or {@code lang:ar}.
 * {@code number} is what the respondent may type instead of tapping, in their digits ("2", "٢"), for
 * channels without buttons (WhatsApp shows it as "2 · No"); null when a typed number means
 * something else there (a scale value, a number answer, free text), and the label is typed instead.
 * Example: {@code new Button("a:consent:no", "لا", "2")}.
 */
public record Button(String payload, String label, String number) {

    /** A button answered by tapping it or typing its label. */
    public Button(String payload, String label) {
        this(payload, label, null);
    }
}
