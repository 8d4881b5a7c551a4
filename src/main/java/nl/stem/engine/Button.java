package nl.stem.engine;

/**
 * A button offered with a message. {@code payload} is stable and at most 64 bytes of UTF-8
 * (Telegram's callback_data limit), e.g. {@code a:<question>:<choice>} or {@code lang:ar}.
 */
public record Button(String payload, String label) {
}
