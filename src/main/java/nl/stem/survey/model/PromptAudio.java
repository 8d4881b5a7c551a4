package nl.stem.survey.model;

/**
 * A question read aloud: one OGG/Opus file, sent as a voice note just before the question's text.
 * Content-addressed: the bytes live once, under their SHA-256, in the prompt store.
 * Example: {@code new PromptAudio("9bb9...", 8207, 2302, false)}, a 2.3 s recording of 8 KB.
 *
 * @param sha256     hex SHA-256 of the file
 * @param bytes      the file's size
 * @param durationMs how long it plays
 * @param synthetic  true when Stem generated it with a speech synthesiser (espeak-ng), false for a recording
 */
public record PromptAudio(String sha256, long bytes, long durationMs, boolean synthetic) {
}
