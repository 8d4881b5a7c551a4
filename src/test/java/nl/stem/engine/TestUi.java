package nl.stem.engine;

import nl.stem.translation.PoFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stem's UI texts for tests: the real English source plus partial ar/fa fixtures from src/test/resources/ui. */
final class TestUi {
    private static UiTexts texts;

    private TestUi() {
    }

    static synchronized UiTexts texts() {
        if (texts == null) {
            Map<String, Map<String, String>> m = new LinkedHashMap<>();
            m.put("en", read(Path.of("translations/_stem/en.po")));
            m.put("ar", read(Path.of("src/test/resources/ui/ar.po")));
            m.put("fa", read(Path.of("src/test/resources/ui/fa.po")));
            texts = new UiTexts(m);
        }
        return texts;
    }

    private static Map<String, String> read(Path p) {
        try {
            PoFile po = PoFile.read(p);
            if (!po.problems().isEmpty()) {
                throw new IllegalStateException(p + ": " + po.problems());
            }
            return po.texts();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
