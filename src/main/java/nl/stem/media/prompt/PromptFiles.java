package nl.stem.media.prompt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import org.jboss.logging.Logger;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import nl.stem.config.StemConfig;
import nl.stem.engine.SurveyEngine;
import nl.stem.survey.LoadResult;
import nl.stem.survey.PromptFile;
import nl.stem.survey.SurveyCatalog;
import nl.stem.survey.SurveyLoader;
import nl.stem.survey.SurveySource;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.SurveyVersion;

/**
 * Gets a survey's prompts ready before it is published from the survey directory: keeps each
 * recording of its media folder ({@code <surveys>/<id>-media/}) in the prompt store, and, with
 * {@code stem.audio.synthesize}, generates one with espeak-ng for each question and language that
 * has no recording (a recording always wins). Languages espeak-ng cannot speak are reported in
 * the log, and their questions are sent as text. Sources already published (same checksum) are
 * left as they are: their version keeps the prompts it was published with.
 */
@ApplicationScoped
public class PromptFiles {
    private static final Logger LOG = Logger.getLogger(PromptFiles.class);

    private final PromptStore store;
    private final PromptSynthesizer synthesizer;
    private final SurveyCatalog catalog;
    private final SurveyEngine engine;
    private final StemConfig config;
    private final Clock clock;
    private final DataSource ds;

    public PromptFiles(PromptStore store, PromptSynthesizer synthesizer, SurveyCatalog catalog, SurveyEngine engine,
                       StemConfig config, Clock clock, DataSource ds) {
        this.store = store;
        this.synthesizer = synthesizer;
        this.catalog = catalog;
        this.engine = engine;
        this.config = config;
        this.clock = clock;
        this.ds = ds;
    }

    /** The sources to publish: recordings kept, generated prompts added where configured. */
    public SurveySource prepare(Path surveysDir, SurveySource source) throws IOException {
        String name = Path.of(source.surveyFile()).getFileName().toString();
        String id = name.endsWith(".yaml") ? name.substring(0, name.length() - ".yaml".length()) : name;
        Path media = surveysDir.resolve(id + SurveyLoader.MEDIA_FOLDER);
        for (Map.Entry<String, PromptFile> f : source.audio().entrySet()) {
            PromptFile p = f.getValue();
            if (!p.synthetic() && p.problem() == null && p.bytes() <= PromptStore.MAX_BYTES) {
                store.put(Files.readAllBytes(media.resolve(f.getKey())), p.durationMs(), false, clock.instant());
            }
        }
        if (!config.audio().synthesize()) {
            return source;
        }
        LoadResult r = catalog.loader().load(source);
        if (!r.valid() || published(r.surveyId(), r.checksum())) {
            return source;
        }
        return source.withAudio(generate(r));
    }

    /** Whether these sources are published already (their version keeps its prompts). */
    private boolean published(String surveyId, String checksum) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select 1 from survey_versions where survey_id = ? and checksum = ?")) {
            ps.setString(1, surveyId);
            ps.setString(2, checksum);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up a published version", e);
        }
    }

    /** A prompt for each question and language without a recording, in the languages espeak-ng speaks. */
    Map<String, PromptFile> generate(LoadResult r) {
        SurveyVersion version = new SurveyVersion(r.survey(), r.texts(), 0, r.checksum());
        Map<String, PromptFile> out = new LinkedHashMap<>();
        TreeSet<String> unspoken = new TreeSet<>();
        for (String lang : r.survey().languages()) {
            if (PromptSynthesizer.voice(lang).isEmpty()) {
                unspoken.add(lang);
                continue;
            }
            for (Question q : r.survey().questions()) {
                if (q.head().audio().containsKey(lang)) {
                    continue;
                }
                String text = engine.shownText(version, q.id(), lang).orElse(null);
                synthesizer.speak(lang, text).ifPresent(ogg -> {
                    PromptFile f = SurveyLoader.probe(ogg, true);
                    if (f.problem() == null && f.bytes() <= PromptStore.MAX_BYTES && f.durationMs() <= config.audio().maxSeconds() * 1000L) {
                        store.put(ogg, f.durationMs(), true, clock.instant());
                        out.put(PromptFile.syntheticKey(q.id(), lang), f);
                    } else {
                        LOG.infof("Survey %s: the generated prompt of %s in %s is too long for a voice note; sent as text",
                                r.surveyId(), q.id(), lang);
                    }
                });
            }
        }
        if (!unspoken.isEmpty()) {
            LOG.infof("Survey %s: espeak-ng cannot speak %s; questions without a recording in %s are sent as text only",
                    r.surveyId(), String.join(", ", unspoken), unspoken.size() == 1 ? "it" : "them");
        }
        LOG.infof("Survey %s: %d prompts generated with espeak-ng (marked synthetic)", r.surveyId(), out.size());
        return out;
    }
}
