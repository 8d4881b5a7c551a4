package nl.stem.conversation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import nl.stem.config.StemConfig;
import nl.stem.engine.SurveyEngine;
import nl.stem.engine.UiTexts;
import nl.stem.translation.PoFile;

/** Builds the engine with Stem's own texts from {@code translations/_stem/<lang>.po}. */
@ApplicationScoped
public class EngineProducer {
    private static final Logger LOG = Logger.getLogger(EngineProducer.class);

    @Produces
    @Singleton
    UiTexts uiTexts(StemConfig config) throws IOException {
        return readUiTexts(config.translations().dir().resolve("_stem"));
    }

    @Produces
    @Singleton
    SurveyEngine engine(UiTexts ui) {
        return new SurveyEngine(ui);
    }

    /** Reads every {@code <lang>.po} in the directory; problems are logged, texts still used. */
    public static UiTexts readUiTexts(Path dir) throws IOException {
        Map<String, Map<String, String>> byLanguage = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            LOG.warnf("No UI texts in %s: respondents will see message keys", dir.toAbsolutePath());
            return new UiTexts(byLanguage);
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".po")).sorted().toList()) {
                String language = f.getFileName().toString().replaceFirst("\\.po$", "");
                PoFile po = PoFile.read(f);
                po.problems().forEach(p -> LOG.warnf("%s:%d %s", f, p.line(), p.message()));
                byLanguage.put(language, po.texts());
            }
        }
        return new UiTexts(byLanguage);
    }
}
