package nl.stem.survey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.config.StemConfig;
import nl.stem.language.CommandWords;
import nl.stem.translation.PoFile;

/**
 * The published survey versions, parsed once and kept in memory. The database is the truth, and
 * several instances may publish and retire: a version or survey this instance has not seen is
 * loaded on first use, and every {@code stem.surveys.refresh-interval} (5 s) a one-row look at the
 * catalogue's state (newest version, and which surveys are retired) reloads it when another
 * instance changed it. So a survey retired elsewhere leaves this instance's menu within seconds.
 */
@ApplicationScoped
public class SurveyCatalog {
    private final Map<Long, PublishedSurvey> byVersionId = new ConcurrentHashMap<>();
    private final Map<String, Long> latestBySurvey = new ConcurrentHashMap<>();
    private final Map<String, Boolean> retired = new ConcurrentHashMap<>();

    @Inject
    ObjectMapper json;
    @Inject
    StemConfig config;
    @Inject
    DataSource db;

    /** The catalogue's state in the database when this instance last loaded it. */
    private volatile String loadedState = "";

    private volatile SurveyLoader loader;

    /** The loader with the configured IoI taxonomy. */
    public SurveyLoader loader() {
        SurveyLoader l = loader;
        if (l == null) {
            synchronized (this) {
                if (loader == null) {
                    loader = new SurveyLoader(taxonomy(), commandWords(), config.audio().maxSeconds());
                }
                l = loader;
            }
        }
        return l;
    }

    /** Stem's command words per language, from {@code translations/_stem/<lang>.po}; none when the directory is missing. */
    private CommandWords commandWords() {
        java.nio.file.Path dir = config.translations().dir().resolve("_stem");
        if (!Files.isDirectory(dir)) {
            return CommandWords.none();
        }
        Map<String, Map<String, String>> texts = new java.util.HashMap<>();
        try (java.util.stream.Stream<java.nio.file.Path> files = Files.list(dir)) {
            for (java.nio.file.Path f : files.filter(p -> p.getFileName().toString().endsWith(".po")).toList()) {
                texts.put(f.getFileName().toString().replaceFirst("\\.po$", ""), PoFile.read(f).texts());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Stem's texts in " + dir, e);
        }
        return CommandWords.of(texts);
    }

    private IoiTaxonomy taxonomy() {
        Optional<java.nio.file.Path> file = config.surveys().taxonomyFile();
        if (file.isEmpty()) {
            return IoiTaxonomy.builtIn();
        }
        try (InputStream in = Files.newInputStream(file.get())) {
            return IoiTaxonomy.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the IoI taxonomy " + file.get(), e);
        }
    }

    /** Reloads the catalogue when another instance published or retired since the last look. */
    @Scheduled(every = "${stem.surveys.refresh-interval:5s}", delayed = "${stem.surveys.refresh-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        String state = state();
        if (!state.equals(loadedState)) {
            QuarkusTransaction.requiringNew().run(this::reload);
            loadedState = state;
        }
    }

    /**
     * The newest version id, the number of versions, and each survey's retirement, in one short
     * string (a catalogue holds tens of surveys).
     */
    private String state() {
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select (select coalesce(max(id), 0) || '/' || count(*) from survey_versions) || ' '
                       || (select coalesce(string_agg(id || '=' || (retired_at is not null), ',' order by id), '') from surveys)""")) {
            return rs.next() ? rs.getString(1) : "";
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the survey catalogue's state", e);
        }
    }

    /** Loads every version and the surveys' retirement from the database. */
    public void reload() {
        List<SurveyVersionRecord> rows = SurveyVersionRecord.listAll();
        rows.forEach(this::add);
        List<SurveyRecord> surveys = SurveyRecord.listAll();
        // Retiring is for good: a read that began before a retirement here committed must not undo it.
        surveys.forEach(s -> retired.merge(s.id, s.retiredAt != null, Boolean::logicalOr));
    }

    /** Parses a stored version and makes it known. Stored sources were valid when published. */
    public PublishedSurvey add(SurveyVersionRecord row) {
        PublishedSurvey known = byVersionId.get(row.id);
        if (known != null) {
            return known;
        }
        SurveySource source;
        try {
            source = json.readValue(row.sources, SurveySource.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored sources of survey version " + row.id + " are unreadable", e);
        }
        LoadResult result = loader().load(source);
        if (!result.valid()) {
            throw new IllegalStateException("Stored survey version " + row.id + " no longer validates: " + result.problems());
        }
        var version = new nl.stem.survey.model.SurveyVersion(result.survey(), result.texts(), row.version, row.checksum, result.prompts());
        PublishedSurvey p = new PublishedSurvey(row.id, version, row.publishedAt);
        byVersionId.put(row.id, p);
        latestBySurvey.merge(row.surveyId, row.id, (a, b) -> byVersionId.get(a).version().version() >= row.version ? a : b);
        retired.putIfAbsent(row.surveyId, false);
        return p;
    }

    public Optional<PublishedSurvey> byVersionId(long versionId) {
        PublishedSurvey p = byVersionId.get(versionId);
        if (p == null) {
            SurveyVersionRecord row = SurveyVersionRecord.findById(versionId);
            if (row != null) {
                p = add(row);
            }
        }
        return Optional.ofNullable(p);
    }

    /** The newest version of a survey, if it is published (also when another instance just published it). */
    public Optional<PublishedSurvey> latest(String surveyId) {
        Long id = latestBySurvey.get(surveyId);
        if (id == null && surveyId != null) {
            SurveyVersionRecord newest = SurveyVersionRecord.find("surveyId = ?1 order by version desc", surveyId).firstResult();
            if (newest == null) {
                return Optional.empty();
            }
            add(newest);
            id = latestBySurvey.get(surveyId);
        }
        return id == null ? Optional.empty() : Optional.of(byVersionId.get(id));
    }

    public boolean isRetired(String surveyId) {
        return retired.getOrDefault(surveyId, false);
    }

    public void markRetired(String surveyId, boolean value) {
        retired.put(surveyId, value);
    }

    /** The newest version of every survey that is not retired, by survey id. */
    public List<PublishedSurvey> current() {
        return latestBySurvey.values().stream().map(byVersionId::get)
                .filter(p -> !isRetired(p.surveyId()))
                .sorted(Comparator.comparing(PublishedSurvey::surveyId))
                .toList();
    }
}
