package nl.stem.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.survey.PublishedSurvey;
import nl.stem.survey.SurveyCatalog;

/** What the results pages offer to choose from: the surveys, their waves, and the members' attribute names. */
@ApplicationScoped
public class ResultsChoices {
    /** Most attribute names offered for a breakdown. */
    static final int MAX_ATTRIBUTES = 50;

    /** A survey with its waves, newest wave first. */
    public record SurveyChoice(String id, String title, int version, List<WaveRef> waves) {
    }

    @Inject
    DataSource db;
    @Inject
    SurveyCatalog catalog;

    public List<SurveyChoice> surveys() {
        List<SurveyChoice> out = new ArrayList<>();
        for (PublishedSurvey p : catalog.current()) {
            out.add(new SurveyChoice(p.surveyId(), p.version().survey().title(), p.version().version(), waves(p.surveyId())));
        }
        return out;
    }

    /** The survey's waves, newest first (at most 200). */
    public List<WaveRef> waves(String surveyId) {
        List<WaveRef> out = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select w.id, w.name, w.invite_at, w.status from waves w join survey_versions v"
                     + " on v.id = w.survey_version_id where v.survey_id = ? order by w.invite_at desc, w.id desc limit 200")) {
            ps.setString(1, surveyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new WaveRef(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list the waves of " + surveyId, e);
        }
        return out;
    }

    private volatile List<String> attributes;
    private volatile long attributesAt;

    /** Attribute names of the panel's members, for the breakdown menu; read at most once a minute (a menu, not a figure). */
    public List<String> attributes() {
        long now = System.nanoTime();
        List<String> known = attributes;
        if (known != null && now - attributesAt < 60_000_000_000L) {
            return known;
        }
        known = readAttributes();
        attributes = known;
        attributesAt = now;
        return known;
    }

    private List<String> readAttributes() {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select distinct k from respondents r, jsonb_object_keys(r.attributes) k"
                     + " where r.member_id is not null order by k limit " + MAX_ATTRIBUTES)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (Breakdowns.ATTRIBUTE.matcher(rs.getString(1)).matches()) {
                        out.add(rs.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list the members' attributes", e);
        }
        return out;
    }
}
