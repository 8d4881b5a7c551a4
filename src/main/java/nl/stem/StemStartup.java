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
        publishDirectory();
    }

    @Transactional
    void loadCatalog() {
        catalog.reload();
    }

    void publishDirectory() throws IOException {
        if (!Files.isDirectory(config.surveys().dir())) {
            LOG.warnf("Survey directory %s does not exist: no surveys published from files", config.surveys().dir().toAbsolutePath());
            return;
        }
        for (SurveySource source : SurveyLoader.readDirectory(config.surveys().dir(), config.translations().dir())) {
            try {
                var publication = publisher.publish(source, "startup");
                var v = publication.survey().version();
                LOG.infof("Survey %s version %d %s (%d languages)", v.surveyId(), v.version(),
                        publication.created() ? "published" : "unchanged", v.survey().languages().size());
            } catch (InvalidSurveyException e) {
                LOG.errorf("Survey file %s refused: %s", source.surveyFile(), e.getMessage());
                e.problems().forEach(p -> LOG.errorf("  %s", p));
            }
        }
    }
}
