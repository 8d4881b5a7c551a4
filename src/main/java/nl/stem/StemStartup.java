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
import nl.stem.config.StemConfig;
import nl.stem.db.DatabaseBootstrap;
import nl.stem.survey.InvalidSurveyException;
import nl.stem.survey.SurveyCatalog;
import nl.stem.survey.SurveyLoader;
import nl.stem.survey.SurveyPublisher;
import nl.stem.survey.SurveySource;

/**
 * Start-up in order: make sure the database exists, migrate it, load the published versions, and
 * publish every valid survey in {@code stem.surveys.dir}. An invalid survey is refused with its
 * problems logged; the others still load.
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
                var publication = publisher.publish(source, "startup");
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
        return refused;
    }
}
