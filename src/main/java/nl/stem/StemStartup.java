package nl.stem;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import nl.stem.api.survey.xlsform.XlsFormService;
import nl.stem.config.StemConfig;
import nl.stem.db.DatabaseBootstrap;
import nl.stem.survey.InvalidSurveyException;
import nl.stem.survey.SurveyCatalog;
import nl.stem.survey.SurveyLoader;
import nl.stem.survey.SurveyPublisher;
import nl.stem.survey.SurveySource;
import nl.stem.survey.xlsform.XlsFormProblem;
import nl.stem.survey.xlsform.XlsForms;

/**
 * Start-up in order: make sure the database exists, migrate it, load the published versions, and
 * publish every valid survey in {@code stem.surveys.dir}: the YAML surveys ({@code <id>.yaml} with
 * their PO translations), then the XLSForms ({@code <id>.xlsx}). An invalid survey is refused with
 * its problems logged; the others still load.
 */
@ApplicationScoped
public class StemStartup {
    private static final Logger LOG = Logger.getLogger(StemStartup.class);

    @Inject
    StemConfig config;
    @Inject
    Flyway flyway;
    @Inject
    SurveyCatalog catalog;
    @Inject
    SurveyPublisher publisher;
    @Inject
    XlsFormService xlsForms;
    @Inject
    nl.stem.media.prompt.PromptFiles prompts;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "")
    String password;

    void onStart(@Observes @Priority(10) StartupEvent event) throws SQLException, IOException {
        if (config.database().createIfMissing()) {
            DatabaseBootstrap.ensureDatabase(jdbcUrl, user, password);
        }
        flyway.migrate();
        loadCatalog();
        publishDirectory(config.surveys().dir(), config.translations().dir());
    }

    @Transactional
    void loadCatalog() {
        catalog.reload();
    }

    /**
     * Publishes every valid survey of a directory; returns how many were refused. One bad file never
     * stops the others.
     */
    public int publishDirectory(java.nio.file.Path surveys, java.nio.file.Path translations) throws IOException {
        if (!Files.isDirectory(surveys)) {
            LOG.warnf("Survey directory %s does not exist: no surveys published from files", surveys.toAbsolutePath());
            return 0;
        }
        int refused = 0;
        for (SurveySource source : SurveyLoader.readDirectory(surveys, translations)) {
            try {
                var publication = publisher.publish(prompts.prepare(surveys, source), "startup");
                var v = publication.survey().version();
                publication.notes().forEach(p -> LOG.infof("  %s", p));
                LOG.infof("Survey %s version %d %s (%d languages)", v.surveyId(), v.version(),
                        publication.created() ? "published" : "unchanged", v.survey().languages().size());
            } catch (InvalidSurveyException e) {
                refused++;
                LOG.errorf("Survey file %s refused: %s", source.surveyFile(), e.getMessage());
                e.problems().forEach(p -> LOG.errorf("  %s", p));
            }
        }
        return refused + publishForms(surveys);
    }

    /** The largest XLSForm read from the survey directory. */
    private static final long MAX_FORM_BYTES = 20L * 1024 * 1024;

    /**
     * Publishes every valid {@code <id>.xlsx} of the survey directory, as the API would: imported
     * into a survey file and translations, validated, published. A form whose id a YAML survey
     * already has is refused (keep one source per survey).
     */
    int publishForms(java.nio.file.Path surveys) throws IOException {
        java.util.List<java.nio.file.Path> forms;
        try (java.util.stream.Stream<java.nio.file.Path> s = Files.list(surveys)) {
            forms = s.filter(p -> p.getFileName().toString().endsWith(".xlsx") && !p.getFileName().toString().startsWith("~$")
                    && Files.isRegularFile(p)).sorted().toList();
        }
        int refused = 0;
        for (java.nio.file.Path f : forms) {
            String name = f.getFileName().toString();
            String id = name.substring(0, name.length() - ".xlsx".length());
            String shown = surveys.getFileName() + "/" + name;
            if (Files.exists(surveys.resolve(id + ".yaml"))) {
                refused++;
                LOG.errorf("Survey form %s refused: %s/%s.yaml is the same survey; keep one of the two", shown, surveys.getFileName(), id);
                continue;
            }
            if (Files.size(f) > MAX_FORM_BYTES) {
                refused++;
                LOG.errorf("Survey form %s refused: larger than %d bytes", shown, MAX_FORM_BYTES);
                continue;
            }
            XlsForms.Import imported = xlsForms.read(Files.readAllBytes(f), name);
            if (imported.valid() && !id.equals(imported.surveyId())) {
                refused++;
                LOG.errorf("Survey form %s refused: its form_id is '%s'; it should be '%s', the file name", shown, imported.surveyId(), id);
                continue;
            }
            if (!imported.valid()) {
                refused++;
                LOG.errorf("Survey form %s refused: %d error(s)", shown, imported.problems().stream().filter(XlsFormProblem::isError).count());
                imported.problems().forEach(p -> LOG.errorf("  %s: %s", shown, p));
                continue;
            }
            try {
                // An XLSForm's recordings (media::audio::<language>) sit in the same media folder as a survey file's.
                SurveySource source = imported.source().withAudio(SurveyLoader.readMedia(surveys.resolve(id + SurveyLoader.MEDIA_FOLDER)));
                var publication = publisher.publish(prompts.prepare(surveys, source), "startup");
                var v = publication.survey().version();
                imported.problems().forEach(p -> LOG.infof("  %s: %s", shown, p));
                LOG.infof("Survey %s version %d %s from %s (%d languages)", v.surveyId(), v.version(),
                        publication.created() ? "published" : "unchanged", shown, v.survey().languages().size());
            } catch (InvalidSurveyException e) {
                refused++;
                LOG.errorf("Survey form %s refused: %s", shown, e.getMessage());
            }
        }
        return refused;
    }
}
