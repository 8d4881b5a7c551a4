package nl.stem.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import nl.stem.conversation.EngineProducer;

/** Stem's UI texts for tests: the real ones from translations/_stem, as the service reads them. */
final class TestUi {
    private static UiTexts texts;

    private TestUi() {
    }

    static synchronized UiTexts texts() {
        if (texts == null) {
            try {
                texts = EngineProducer.readUiTexts(Path.of("translations/_stem"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return texts;
    }
}
