package nl.stem.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** What every connection of Stem's pool is set up with, and the outbox table's own settings. */
@QuarkusTest
class ConnectionSettingsTest {
    @Inject
    DataSource ds;

    @Test
    void pooledConnection_hasQueryJitOff() throws Exception {
        assertEquals("off", value("show jit"));
    }

    @Test
    void outbox_isAnalysedAndVacuumedOften() throws Exception {
        assertEquals("{autovacuum_vacuum_scale_factor=0.01,autovacuum_analyze_scale_factor=0.01,autovacuum_vacuum_insert_scale_factor=0.01}",
                value("select reloptions::text from pg_class where relname = 'outbox'"));
    }

    private String value(String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
