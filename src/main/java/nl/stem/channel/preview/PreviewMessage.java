package nl.stem.channel.preview;

import java.util.List;

import nl.stem.engine.Button;

/**
 * A message shown in the preview chat, as the page's script receives it.
 *
 * @param audio for a question read aloud ({@code kind} "voice"): a signed link to its prompt file, played in the bubble; else null
 */
public record PreviewMessage(long id, String kind, String text, List<Button> buttons, boolean rtl, String questionId, String audio) {
}
