package nl.stem.results;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.identity.Channel;
import nl.stem.engine.UiTexts;
import nl.stem.language.Languages;
import nl.stem.survey.SurveyCatalog;

/**
 * The results of a scope, for every caller: the dashboard pages, {@code /api/results}, the CSV
 * tables and the public page all come through here, so all get the same figures and the same
 * suppression. Read in one repeatable-read snapshot, so the statements agree with each other.
 */
@ApplicationScoped
public class ResultsService {
    @Inject
    DataSource db;
    @Inject
    SurveyCatalog catalog;
    @Inject
    UiTexts ui;
    @Inject
    ResultsConfig config;
    @Inject
    Clock clock;

    /**
     * The results of {@code scope}, with the survey's texts in {@code language} (its source language when it lacks it).
     *
     * @param ui      the language of the viewer's page (IoI domain names): {@code nl} or {@code en}
     * @param noValue how the breakdown names responses without a value
     * @param other   how it names the groups beyond the cap, summed
     */
    public SurveyResults of(ResultsScope scope, String language, String ui, String noValue, String other) {
        ResultsQuery.Raw raw = read(scope);
        Wording wording = new Wording(scope.newest().version(), this.ui, language);
        Map<String, String> waveNames = new LinkedHashMap<>();
        scope.waves().forEach(w -> waveNames.put(Long.toString(w.id()), w.name()));
        ResultsAssembler assembler = new ResultsAssembler(scope, wording, config.minCellSize(), key -> label(scope.by(), key, waveNames));
        return assembler.assemble(raw, catalog.loader().taxonomy(), ui, clock.instant(), noValue, other);
    }

    /** The suppression threshold in force. */
    public int minCellSize() {
        return config.minCellSize();
    }

    private ResultsQuery.Raw read(ResultsScope scope) {
        try (Connection c = db.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                return ResultsQuery.read(c, scope, config.maxGroups());
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the results of " + scope.surveyId(), e);
        }
    }

    private static String label(String by, String key, Map<String, String> waveNames) {
        if (Breakdowns.LANGUAGE.equals(by)) {
            return Languages.selfName(key);
        }
        if (Breakdowns.CHANNEL.equals(by)) {
            return Channel.panel(key).map(Channel::label).orElse(key);
        }
        if (Breakdowns.WAVE.equals(by)) {
            return waveNames.getOrDefault(key, key);
        }
        return key;
    }
}
