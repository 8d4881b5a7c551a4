package nl.stem.api;

import java.util.UUID;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.stem.survey.InvalidSurveyException;

/** Maps every failure to a {@link Problem}: callers get a clear message, never a stack trace. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response stem(StemException e) {
        return problem(new Problem(e.status(), e.code(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response invalidSurvey(InvalidSurveyException e) {
        return problem(new Problem(422, "survey_invalid", e.getMessage(),
                e.problems().stream().map(Object::toString).toList()));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return problem(new Problem(400, "malformed_json", "The request body is not valid JSON: " + e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return problem(new Problem(status, "http_" + status, reason == null ? "Request refused" : reason));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s", errorId);
        return problem(new Problem(500, "internal_error", "Something went wrong on our side (error id " + errorId + ")"));
    }

    public static Response problem(Problem p) {
        return Response.status(p.status()).type(MediaType.APPLICATION_JSON).entity(p).build();
    }
}
