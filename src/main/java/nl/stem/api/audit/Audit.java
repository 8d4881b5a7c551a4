package nl.stem.api.audit;

import java.time.Clock;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.stem.audit.AuditEntry;

/**
 * Records API actions in the audit log. Details are plain values (survey ids, filters, token names),
 * never personal data and never secrets.
 */
@ApplicationScoped
public class Audit {
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    /** Records in the caller's transaction. */
    public void record(String actor, String action, String subject, Map<String, ?> details) {
        AuditEntry.record(clock.instant(), actor, action, subject, toJson(details));
    }

    /** Records in a transaction of its own: for reads (exports, downloads) that have none. */
    public void recordNow(String actor, String action, String subject, Map<String, ?> details) {
        QuarkusTransaction.requiringNew().run(() -> record(actor, action, subject, details));
    }

    private String toJson(Map<String, ?> details) {
        if (details == null) {
            return null;
        }
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
